// The contracts of the Services88 User and Person operations the interop
// suite calls (see ../../interop_test.go), written by hand the way a WCF
// service declares them: DataContractSerializer types whose members carry
// the WSDL's sequence order, and message contracts for the SOAP headers.
// Only the members the cases use are declared: DataContractSerializer
// ignores the others when it reads.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.ServiceModel;

namespace Interop
{
    public static class Names
    {
        public const string NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
        public const string Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
        public const string UnknownNS = "urn:soapgen:interop";
        public const string OtherNode = "urn:soapgen:interop:elsewhere";
    }

    [Flags]
    [DataContract(Namespace = Names.NS)]
    public enum ETableRight : uint
    {
        [EnumMember] Select = 1,
        [EnumMember] Update = 2,
        [EnumMember] Insert = 4,
        [EnumMember] Delete = 8,
        [EnumMember] Filtering = 16,
        [EnumMember] RestrictedUpdate = 32,
        [EnumMember] Unused1 = 64,
        [EnumMember] Uninitialized = 128,
    }

    [DataContract(Namespace = Names.NS)]
    public enum UserType
    {
        [EnumMember] Unknown, [EnumMember] InternalAssociate, [EnumMember] ResourceAssociate,
        [EnumMember] ExternalAssociate, [EnumMember] AnonymousAssociate, [EnumMember] SystemAssociate,
    }

    [DataContract(Namespace = Names.NS)]
    public enum EjUserStatus
    {
        [EnumMember] StatusNone, [EnumMember] StatusNormal, [EnumMember] StatusNotAvailable,
        [EnumMember] StatusDeleted, [EnumMember] StatusReadOnly, [EnumMember] StatusSpm,
        [EnumMember] StatusSystem = 127,
    }

    [DataContract(Namespace = Names.NS)]
    public class TableRight
    {
        [DataMember(Order = 0, EmitDefaultValue = false)] public ETableRight? Mask;
        [DataMember(Order = 1)] public string Reason;
    }

    [DataContract(Namespace = Names.NS)]
    [KnownType(typeof(User))]
    [KnownType(typeof(Role))]
    [KnownType(typeof(UserGroup))]
    public class Carrier
    {
        [DataMember(Order = 0, EmitDefaultValue = false)] public TableRight TableRight;
    }

    [DataContract(Namespace = Names.NS)]
    public class Role : Carrier
    {
        [DataMember(Order = 0, EmitDefaultValue = false)] public int? Id;
        [DataMember(Order = 1)] public string Value;
        [DataMember(Order = 2)] public string Tooltip;
    }

    [DataContract(Namespace = Names.NS)]
    public class UserGroup : Carrier
    {
        [DataMember(Order = 0, EmitDefaultValue = false)] public string Value;
        [DataMember(Order = 2, EmitDefaultValue = false)] public int? Id;
        [DataMember(Order = 3, EmitDefaultValue = false)] public short? Rank;
        [DataMember(Order = 4, EmitDefaultValue = false)] public bool? Deleted;
    }

    [CollectionDataContract(Name = "ArrayOfUserGroup", ItemName = "UserGroup", Namespace = Names.NS)]
    public class ArrayOfUserGroup : List<UserGroup> { }

    [CollectionDataContract(Name = "StringDictionary", ItemName = "StringKeyValuePair", KeyName = "Key", ValueName = "Value", Namespace = Names.NS)]
    public class StringDictionary : Dictionary<string, string> { }

    [CollectionDataContract(Name = "SoExtraInfo", ItemName = "ExtraInfoNameValuePair", KeyName = "Key", ValueName = "Value", Namespace = Names.NS)]
    public class SoExtraInfo : Dictionary<string, string> { }

    [CollectionDataContract(Name = "SoExceptionInfoParameters", ItemName = "SoExceptionInfoParametersKeyValuePair", KeyName = "Key", ValueName = "Value", Namespace = Names.NS)]
    public class SoExceptionInfoParameters : Dictionary<string, string> { }

    [DataContract(Namespace = Names.NS)]
    public class User : Carrier
    {
        [DataMember(Order = 0, EmitDefaultValue = false)] public int? AssociateId;
        [DataMember(Order = 1, EmitDefaultValue = false)] public string Name;
        [DataMember(Order = 2, EmitDefaultValue = false)] public short? Rank;
        [DataMember(Order = 3, EmitDefaultValue = false)] public string Tooltip;
        [DataMember(Order = 5, EmitDefaultValue = false)] public Role Role;
        [DataMember(Order = 6, EmitDefaultValue = false)] public UserGroup UserGroup;
        [DataMember(Order = 7, EmitDefaultValue = false)] public ArrayOfUserGroup OtherGroups;
        [DataMember(Order = 9, EmitDefaultValue = false)] public bool? Deleted;
        [DataMember(Order = 10, EmitDefaultValue = false)] public DateTime? Lastlogin;
        [DataMember(Order = 11, EmitDefaultValue = false)] public DateTime? Lastlogout;
        [DataMember(Order = 12, EmitDefaultValue = false)] public int? EjUserId;
        [DataMember(Order = 13)] public string RequestSignature;
        [DataMember(Order = 14, EmitDefaultValue = false)] public UserType? Type;
        [DataMember(Order = 19, EmitDefaultValue = false)] public string UserName;
        [DataMember(Order = 24, EmitDefaultValue = false)] public StringDictionary ExtraFields;
    }

    [DataContract(Namespace = Names.NS)]
    public class UserPresenceStatus
    {
        [DataMember(Order = 0, EmitDefaultValue = false)] public EjUserStatus? Status;
        [DataMember(Order = 1, EmitDefaultValue = false)] public string Message;
    }

    [DataContract(Namespace = Names.NS)]
    public class SoCredentials
    {
        [DataMember(Order = 0, EmitDefaultValue = false)] public string Ticket;
    }

    [DataContract(Namespace = Names.NS)]
    public class SoTimeZone
    {
        [DataMember(Order = 0, EmitDefaultValue = false)] public int? SoTimeZoneId;
        [DataMember(Order = 1, EmitDefaultValue = false)] public string SoTimeZoneLocationCode;
    }

    [DataContract(Namespace = Names.NS)]
    public class SoExceptionInfo
    {
        [DataMember(Order = 0, EmitDefaultValue = false)] public string Message;
        [DataMember(Order = 3, EmitDefaultValue = false)] public string ExceptionType;
        [DataMember(Order = 6, EmitDefaultValue = false)] public SoExceptionInfoParameters Parameters;
    }

    /// <summary>The fault detail of the fault case.</summary>
    [DataContract(Namespace = Names.UnknownNS)]
    public class Problem
    {
        [DataMember(Order = 0)] public string Id;
        [DataMember(Order = 1)] public string Text;
    }

    // The message contracts: the request headers, the response headers, the
    // wrapper element and its members.
    public abstract class RequestHeaders
    {
        [MessageHeader(Namespace = Names.NS)] public string ApplicationToken;
        [MessageHeader(Namespace = Names.NS)] public SoCredentials Credentials;
        [MessageHeader(Namespace = Names.NS)] public SoTimeZone TimeZone;
    }

    public abstract class ResponseHeaders
    {
        [MessageHeader(Namespace = Names.NS)] public SoExceptionInfo ExceptionInfo;
        [MessageHeader(Namespace = Names.NS)] public SoExtraInfo ExtraInfo;
        [MessageHeader(Namespace = Names.NS)] public bool? Succeeded;
        [MessageHeader(Namespace = Names.NS)] public SoTimeZone TimeZone;
    }

    [MessageContract(WrapperName = "SaveUser", WrapperNamespace = Names.NS, IsWrapped = true)]
    public class SaveUserRequest : RequestHeaders
    {
        [MessageBodyMember(Namespace = Names.NS, Order = 0)] public User User;
    }

    [MessageContract(WrapperName = "SaveUserResponse", WrapperNamespace = Names.NS, IsWrapped = true)]
    public class SaveUserResponse : ResponseHeaders
    {
        [MessageBodyMember(Namespace = Names.NS, Order = 0)] public User Response;
    }

    [MessageContract(WrapperName = "SetUserPresenceStatus", WrapperNamespace = Names.NS, IsWrapped = true)]
    public class SetUserPresenceStatusRequest : RequestHeaders
    {
        [MessageBodyMember(Namespace = Names.NS, Order = 0)] public int? AssociateId;
        [MessageBodyMember(Namespace = Names.NS, Order = 1)] public UserPresenceStatus UserPresenceStatus;
    }

    [MessageContract(WrapperName = "SetUserPresenceStatusResponse", WrapperNamespace = Names.NS, IsWrapped = true)]
    public class SetUserPresenceStatusResponse : ResponseHeaders
    {
        [MessageBodyMember(Namespace = Names.NS, Order = 0)] public UserPresenceStatus Response;
    }

    [MessageContract(WrapperName = "GetUserPresenceStatus", WrapperNamespace = Names.NS, IsWrapped = true)]
    public class GetUserPresenceStatusRequest : RequestHeaders
    {
        [MessageBodyMember(Namespace = Names.NS, Order = 0)] public int? AssociateId;
    }

    [MessageContract(WrapperName = "GetUserPresenceStatusResponse", WrapperNamespace = Names.NS, IsWrapped = true)]
    public class GetUserPresenceStatusResponse : ResponseHeaders
    {
        [MessageBodyMember(Namespace = Names.NS, Order = 0)] public UserPresenceStatus Response;
    }

    [MessageContract(WrapperName = "SetPersonImage", WrapperNamespace = Names.NS, IsWrapped = true)]
    public class SetPersonImageRequest : RequestHeaders
    {
        [MessageBodyMember(Namespace = Names.NS, Order = 0)] public int? PersonId;
        [MessageBodyMember(Namespace = Names.NS, Order = 1)] public byte[] Image;
    }

    [MessageContract(WrapperName = "SetPersonImageResponse", WrapperNamespace = Names.NS, IsWrapped = true)]
    public class SetPersonImageResponse : ResponseHeaders { }

    [MessageContract(WrapperName = "GetPersonImage", WrapperNamespace = Names.NS, IsWrapped = true)]
    public class GetPersonImageRequest : RequestHeaders
    {
        [MessageBodyMember(Namespace = Names.NS, Order = 0)] public int? PersonId;
    }

    [MessageContract(WrapperName = "GetPersonImageResponse", WrapperNamespace = Names.NS, IsWrapped = true)]
    public class GetPersonImageResponse : ResponseHeaders
    {
        [MessageBodyMember(Namespace = Names.NS, Order = 0)] public byte[] Response;
    }

    [ServiceContract(Name = "User", Namespace = Names.NS)]
    public interface IUser
    {
        [OperationContract(Action = Names.NS + "/User/SaveUser", ReplyAction = Names.NS + "/User/SaveUserResponse")]
        SaveUserResponse SaveUser(SaveUserRequest request);

        // The fault of the fault case, declared as a WCF service declares
        // the faults it sends with a detail.
        [OperationContract(Action = Names.NS + "/User/SetUserPresenceStatus", ReplyAction = Names.NS + "/User/SetUserPresenceStatusResponse")]
        [FaultContract(typeof(Problem), Name = "Problem", Namespace = Names.UnknownNS)]
        SetUserPresenceStatusResponse SetUserPresenceStatus(SetUserPresenceStatusRequest request);

        [OperationContract(Action = Names.NS + "/User/GetUserPresenceStatus", ReplyAction = Names.NS + "/User/GetUserPresenceStatusResponse")]
        GetUserPresenceStatusResponse GetUserPresenceStatus(GetUserPresenceStatusRequest request);
    }

    [ServiceContract(Name = "Person", Namespace = Names.NS)]
    public interface IPerson
    {
        [OperationContract(Action = Names.NS + "/Person/SetPersonImage", ReplyAction = Names.NS + "/Person/SetPersonImageResponse")]
        SetPersonImageResponse SetPersonImage(SetPersonImageRequest request);

        [OperationContract(Action = Names.NS + "/Person/GetPersonImage", ReplyAction = Names.NS + "/Person/GetPersonImageResponse")]
        GetPersonImageResponse GetPersonImage(GetPersonImageRequest request);
    }

    public static class Bindings
    {
        /// <summary>BasicHttpBinding for SOAP 1.1, a custom binding without addressing for SOAP 1.2.</summary>
        public static System.ServiceModel.Channels.Binding For(string version)
        {
            if (version == "11") return new BasicHttpBinding();
            var enc = new System.ServiceModel.Channels.TextMessageEncodingBindingElement(
                System.ServiceModel.Channels.MessageVersion.CreateVersion(EnvelopeVersion.Soap12, System.ServiceModel.Channels.AddressingVersion.None),
                System.Text.Encoding.UTF8);
            return new System.ServiceModel.Channels.CustomBinding(enc, new System.ServiceModel.Channels.HttpTransportBindingElement());
        }
    }
}
