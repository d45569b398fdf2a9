using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("Payseal")]
[assembly: AssemblyDescription("C# binding of payseal: seal and open Keepz and TransactPay envelopes")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: InternalsVisibleTo("Payseal.Tests")]
