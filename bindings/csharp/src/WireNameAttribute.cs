using System;

namespace Payseal
{
    /// <summary>
    /// The JSON name of a typed request or answer property, as the gateway spells it, and whether
    /// the description marks it required. Generated code carries it so that the wire names can be
    /// read back (the binding's drift and vector tests do).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
    public sealed class WireNameAttribute : Attribute
    {
        /// <summary>Names a property.</summary>
        public WireNameAttribute(string name, bool required)
        {
            Name = name;
            Required = required;
        }

        /// <summary>The field's name on the wire (<c>integratorOrderId</c>, <c>RedirectUrl</c>).</summary>
        public string Name { get; private set; }

        /// <summary>Whether the field is required (in an answer: never null).</summary>
        public bool Required { get; private set; }
    }
}
