using System.Collections;
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
            IEnumerable list = CellValues.AsList(inputData);
            if (list == null)
            {
                return inputData;
            }

            return string.Join(", ", CellValues.ListItems(list));
        }
    }
}
