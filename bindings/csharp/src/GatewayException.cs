using System;
using System.Collections.Generic;
using System.Globalization;

namespace Payseal
{
    /// <summary>
    /// The gateway answered with its own error (<see cref="PaysealStatus.GatewayError"/>): Keepz's
    /// error body (plain or sealed) from <see cref="Keepz.Open(int, byte[])"/>, or a TransactPay
    /// failure from <see cref="TransactPay.ParseResponse(int, string)"/>. <see cref="Json"/> is the
    /// library's JSON of it, exactly; the properties are read from it for convenience.
    /// </summary>
    public sealed class GatewayException : PaysealException
    {
        private readonly Dictionary<string, object> fields;

        /// <summary>Creates the exception from the library's message and the gateway's JSON.</summary>
        public GatewayException(string message, string json)
            : base(PaysealStatus.GatewayError, message)
        {
            Json = json;
            fields = ParseObject(json);
        }

        /// <summary>The gateway's error as the library's JSON. Keepz: <c>gateway, statusCode,
        /// exceptionGroup, message, httpStatus, group, codeName, hint</c>; TransactPay:
        /// <c>gateway, httpStatus, statusCode, status, message</c>. Null if the library gave none.</summary>
        public string Json { get; private set; }

        /// <summary><c>"keepz"</c> or <c>"transactpay"</c>.</summary>
        public string Gateway
        {
            get { return Text("gateway"); }
        }

        /// <summary>The HTTP status of the response (null for a callback).</summary>
        public int? HttpStatus
        {
            get { return Integer("httpStatus"); }
        }

        /// <summary>The gateway's status code as text: Keepz's number (<c>"6005"</c>) or
        /// TransactPay's code (<c>"09"</c>).</summary>
        public string StatusCode
        {
            get { return Text("statusCode"); }
        }

        /// <summary>The gateway's own message.</summary>
        public string GatewayMessage
        {
            get { return Text("message"); }
        }

        /// <summary>Keepz: the exception group number (5 = not found, ...).</summary>
        public int? ExceptionGroup
        {
            get { return Integer("exceptionGroup"); }
        }

        /// <summary>Keepz: the exception group's name (<c>"not found"</c>, ...).</summary>
        public string Group
        {
            get { return Text("group"); }
        }

        /// <summary>Keepz: the status code's name (<c>"integrator order not found"</c>, ...).</summary>
        public string CodeName
        {
            get { return Text("codeName"); }
        }

        /// <summary>Keepz: a hint at the likely cause, when payseal knows one.</summary>
        public string Hint
        {
            get { return Text("hint"); }
        }

        /// <summary>TransactPay: its <c>status</c> field (<c>"failed"</c>, ...).</summary>
        public string GatewayStatus
        {
            get { return Text("status"); }
        }

        private static Dictionary<string, object> ParseObject(string json)
        {
            if (json == null)
            {
                return new Dictionary<string, object>();
            }
            try
            {
                return Payseal.Json.Parse(json) as Dictionary<string, object> ?? new Dictionary<string, object>();
            }
            catch (FormatException)
            {
                return new Dictionary<string, object>();
            }
        }

        private string Text(string name)
        {
            object value;
            if (!fields.TryGetValue(name, out value) || value == null)
            {
                return null;
            }
            return Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        private int? Integer(string name)
        {
            object value;
            if (!fields.TryGetValue(name, out value) || !(value is long))
            {
                return null;
            }
            return (int)(long)value;
        }
    }
}
