using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace CrmPS.Core
{
    /// <summary>
    /// Lets an e-mail parameter typed [string] take a list of addresses (an object whose Email is an
    /// array): the binder would otherwise drop the list silently and the field would look empty. The
    /// addresses are joined with ", " and split again by the cmdlet's address rule (see CellValues).
    /// </summary>
    public sealed class AddressListAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = ValueText.Unwrap(inputData);
            if (value is string || !(value is IEnumerable items))
            {
                return inputData;
            }

            var addresses = new List<string>();
            foreach (object item in items)
            {
                string text = ValueText.Of(item).Trim();
                if (text.Length > 0)
                {
                    addresses.Add(text);
                }
            }

            return string.Join(", ", addresses);
        }
    }
}
