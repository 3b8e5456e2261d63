package user_test

// The baseline of the benchmarks in bench_test.go: the same envelopes
// with encoding/xml and struct tags, as gowsdl generates them (namespaced
// tags, pointers to nested complex types, plain values for simple ones),
// covering every element the documented GetUser response holds.

import (
	"encoding/xml"
	"time"
)

// BxDateTime is an xs:dateTime for encoding/xml (gowsdl's XSDDateTime).
type BxDateTime struct{ time.Time }

// UnmarshalText parses an xs:dateTime with or without a zone.
func (t *BxDateTime) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	v, err := time.Parse(time.RFC3339Nano, string(b))
	if err != nil {
		v, err = time.Parse("2006-01-02T15:04:05.999999999", string(b))
	}
	t.Time = v
	return err
}

// MarshalText formats t as an xs:dateTime.
func (t BxDateTime) MarshalText() ([]byte, error) { return []byte(t.Format(time.RFC3339Nano)), nil }

// BxGetUserResponseEnvelope is the SOAP 1.2 envelope of the GetUser response.
type BxGetUserResponseEnvelope struct {
	XMLName xml.Name          `xml:"http://www.w3.org/2003/05/soap-envelope Envelope"`
	Header  *BxResponseHeader `xml:"http://www.w3.org/2003/05/soap-envelope Header,omitempty"`
	Body    struct {
		Fault           *BxFault           `xml:"http://www.w3.org/2003/05/soap-envelope Fault,omitempty"`
		GetUserResponse *BxGetUserResponse `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 GetUserResponse,omitempty"`
	} `xml:"http://www.w3.org/2003/05/soap-envelope Body"`
}

// BxFault is a SOAP 1.2 fault.
type BxFault struct {
	Code struct {
		Value string `xml:"http://www.w3.org/2003/05/soap-envelope Value"`
	} `xml:"http://www.w3.org/2003/05/soap-envelope Code"`
	Reason struct {
		Text string `xml:"http://www.w3.org/2003/05/soap-envelope Text"`
	} `xml:"http://www.w3.org/2003/05/soap-envelope Reason"`
	Detail struct {
		Inner []byte `xml:",innerxml"`
	} `xml:"http://www.w3.org/2003/05/soap-envelope Detail"`
}

// BxResponseHeader holds the response header entries of the service.
type BxResponseHeader struct {
	ExceptionInfo *BxSoExceptionInfo `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExceptionInfo,omitempty"`
	ExtraInfo     *struct {
		ExtraInfoNameValuePair []*BxStringKeyValuePair `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExtraInfoNameValuePair,omitempty"`
	} `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExtraInfo,omitempty"`
	Succeeded *bool         `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Succeeded,omitempty"`
	TimeZone  *BxSoTimeZone `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 TimeZone,omitempty"`
}

// BxSoExceptionInfo is the SoExceptionInfo header entry.
type BxSoExceptionInfo struct {
	Message        string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Message,omitempty"`
	StackTrace     string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 StackTrace,omitempty"`
	FriendlyText   string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FriendlyText,omitempty"`
	ExceptionType  string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExceptionType,omitempty"`
	Source         string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Source,omitempty"`
	InnerException *BxSoExceptionInfo `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 InnerException,omitempty"`
	Parameters     *struct {
		Pair []*BxStringKeyValuePair `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SoExceptionInfoParametersKeyValuePair,omitempty"`
	} `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Parameters,omitempty"`
}

// BxSoTimeZone is the TimeZone header entry.
type BxSoTimeZone struct {
	SoTimeZoneId           int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SoTimeZoneId,omitempty"`
	SoTimeZoneLocationCode string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SoTimeZoneLocationCode,omitempty"`
}

// BxGetUserResponse is the GetUserResponse body element.
type BxGetUserResponse struct {
	Response *BxUser `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Response,omitempty"`
}

// BxSetUserPresenceStatusEnvelope is the SOAP 1.2 envelope of the
// SetUserPresenceStatus request, with its header entries.
type BxSetUserPresenceStatusEnvelope struct {
	XMLName xml.Name `xml:"http://www.w3.org/2003/05/soap-envelope Envelope"`
	Header  *struct {
		ApplicationToken string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ApplicationToken,omitempty"`
		Credentials      *struct {
			Ticket string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Ticket,omitempty"`
		} `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Credentials,omitempty"`
	} `xml:"http://www.w3.org/2003/05/soap-envelope Header,omitempty"`
	Body struct {
		SetUserPresenceStatus *BxSetUserPresenceStatus `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SetUserPresenceStatus"`
	} `xml:"http://www.w3.org/2003/05/soap-envelope Body"`
}

// BxSetUserPresenceStatus is the SetUserPresenceStatus body element.
type BxSetUserPresenceStatus struct {
	AssociateId        int32 `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 AssociateId"`
	UserPresenceStatus *struct {
		Status  string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Status,omitempty"`
		Message string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Message"`
	} `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UserPresenceStatus,omitempty"`
}

type BxUser struct {
	AssociateId        int32                   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 AssociateId,omitempty"`
	Name               string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name,omitempty"`
	Rank               int16                   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Rank,omitempty"`
	Tooltip            string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Tooltip,omitempty"`
	LicenseOwners      *BxArrayOfLicenseOwner  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 LicenseOwners,omitempty"`
	Role               *BxRole                 `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Role,omitempty"`
	UserGroup          *BxUserGroup            `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UserGroup,omitempty"`
	OtherGroups        *BxArrayOfUserGroup     `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 OtherGroups,omitempty"`
	Person             *BxPerson               `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Person,omitempty"`
	Deleted            bool                    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Deleted,omitempty"`
	Lastlogin          BxDateTime              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Lastlogin,omitempty"`
	Lastlogout         BxDateTime              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Lastlogout,omitempty"`
	EjUserId           int32                   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 EjUserId,omitempty"`
	RequestSignature   string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 RequestSignature,omitempty"`
	Type               string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Type,omitempty"`
	IsPersonRetired    bool                    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 IsPersonRetired,omitempty"`
	IsOnTravel         bool                    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 IsOnTravel,omitempty"`
	Credentials        *BxArrayOfCredential    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Credentials,omitempty"`
	UserName           string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UserName,omitempty"`
	TicketCategories   *BxArrayOfMDOListItem   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 TicketCategories,omitempty"`
	NickName           string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 NickName,omitempty"`
	WaitingForApproval bool                    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 WaitingForApproval,omitempty"`
	ExtraFields        *BxStringDictionary     `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExtraFields,omitempty"`
	CustomFields       *BxStringDictionary     `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CustomFields,omitempty"`
	PostSaveCommands   *BxArrayOfCustomCommand `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 PostSaveCommands,omitempty"`
}

type BxArrayOfLicenseOwner struct {
	LicenseOwner []*BxLicenseOwner `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 LicenseOwner,omitempty"`
}

type BxLicenseOwner struct {
	Name                       string                      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name,omitempty"`
	Description                string                      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Description,omitempty"`
	RestrictedModuleLicenses   *BxArrayOfModuleLicenseLink `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 RestrictedModuleLicenses,omitempty"`
	UnrestrictedModuleLicenses *BxArrayOfModuleLicenseLink `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UnrestrictedModuleLicenses,omitempty"`
}

type BxArrayOfModuleLicenseLink struct {
	ModuleLicenseLink []*BxModuleLicenseLink `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ModuleLicenseLink,omitempty"`
}

type BxModuleLicenseLink struct {
	Unrestricted           bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Unrestricted,omitempty"`
	Total                  int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Total,omitempty"`
	Tooltip                string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Tooltip,omitempty"`
	CanAssign              bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CanAssign,omitempty"`
	Free                   int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Free,omitempty"`
	InUse                  int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 InUse,omitempty"`
	IsHidden               bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 IsHidden,omitempty"`
	Assigned               bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Assigned,omitempty"`
	ModuleLicenseId        int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ModuleLicenseId,omitempty"`
	Name                   string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name,omitempty"`
	Description            string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Description,omitempty"`
	PrerequisiteModuleName string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 PrerequisiteModuleName,omitempty"`
	SortOrder              int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SortOrder,omitempty"`
	ExtraFlags             int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExtraFlags,omitempty"`
}

type BxRole struct {
	Id      int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Id,omitempty"`
	Value   string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value,omitempty"`
	Tooltip string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Tooltip,omitempty"`
}

type BxUserGroup struct {
	Value   string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value,omitempty"`
	Tooltip string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Tooltip,omitempty"`
	Id      int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Id,omitempty"`
	Rank    int16  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Rank,omitempty"`
	Deleted bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Deleted,omitempty"`
}

type BxArrayOfUserGroup struct {
	UserGroup []*BxUserGroup `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UserGroup,omitempty"`
}

type BxPerson struct {
	Position           string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Position,omitempty"`
	PersonId           int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 PersonId,omitempty"`
	Mrmrs              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Mrmrs,omitempty"`
	Firstname          string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Firstname,omitempty"`
	Lastname           string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Lastname,omitempty"`
	MiddleName         string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 MiddleName,omitempty"`
	Title              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Title,omitempty"`
	Description        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Description,omitempty"`
	Email              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Email,omitempty"`
	FullName           string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FullName,omitempty"`
	DirectPhone        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 DirectPhone,omitempty"`
	FormalName         string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FormalName,omitempty"`
	CountryId          int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CountryId,omitempty"`
	ContactId          int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactId,omitempty"`
	ContactName        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactName,omitempty"`
	Retired            int16  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Retired,omitempty"`
	Rank               int16  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Rank,omitempty"`
	ActiveInterests    int16  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ActiveInterests,omitempty"`
	ContactDepartment  string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactDepartment,omitempty"`
	ContactCountryId   int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactCountryId,omitempty"`
	ContactOrgNr       string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactOrgNr,omitempty"`
	FaxPhone           string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FaxPhone,omitempty"`
	MobilePhone        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 MobilePhone,omitempty"`
	ContactPhone       string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactPhone,omitempty"`
	AssociateName      string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 AssociateName,omitempty"`
	AssociateId        int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 AssociateId,omitempty"`
	UsePersonAddress   bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UsePersonAddress,omitempty"`
	ContactFax         string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactFax,omitempty"`
	Kanafname          string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Kanafname,omitempty"`
	Kanalname          string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Kanalname,omitempty"`
	Post1              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Post1,omitempty"`
	Post2              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Post2,omitempty"`
	Post3              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Post3,omitempty"`
	EmailName          string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 EmailName,omitempty"`
	ContactFullName    string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactFullName,omitempty"`
	ActiveErpLinks     int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ActiveErpLinks,omitempty"`
	TicketPriorityId   int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 TicketPriorityId,omitempty"`
	SupportLanguageId  int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SupportLanguageId,omitempty"`
	SupportAssociateId int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SupportAssociateId,omitempty"`
	CategoryName       string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CategoryName,omitempty"`
	PersonNumber       string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 PersonNumber,omitempty"`
}

type BxArrayOfCredential struct {
	Credential []*BxCredential `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Credential,omitempty"`
}

type BxCredential struct {
	Type         *BxCredentialType `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Type,omitempty"`
	Value        string            `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value,omitempty"`
	DisplayValue string            `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 DisplayValue,omitempty"`
}

type BxCredentialType struct {
	DisplayType         string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 DisplayType,omitempty"`
	Type                string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Type,omitempty"`
	Description         string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Description,omitempty"`
	ValueControl        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ValueControl,omitempty"`
	CanCreatePerson     bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CanCreatePerson,omitempty"`
	IsUserNameSupported bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 IsUserNameSupported,omitempty"`
}

type BxArrayOfMDOListItem struct {
	MDOListItem []*BxMDOListItem `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 MDOListItem,omitempty"`
}

type BxMDOListItem struct {
	Id         int32                 `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Id,omitempty"`
	Name       string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name,omitempty"`
	ToolTip    string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ToolTip,omitempty"`
	Deleted    bool                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Deleted,omitempty"`
	Rank       int32                 `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Rank,omitempty"`
	Type       string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Type,omitempty"`
	ChildItems *BxArrayOfMDOListItem `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ChildItems,omitempty"`
	IconHint   string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 IconHint,omitempty"`
	ColorBlock int32                 `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ColorBlock,omitempty"`
	ExtraInfo  string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExtraInfo,omitempty"`
	StyleHint  string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 StyleHint,omitempty"`
	FullName   string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FullName,omitempty"`
}

type BxStringDictionary struct {
	StringKeyValuePair []*BxStringKeyValuePair `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 StringKeyValuePair,omitempty"`
}

type BxStringKeyValuePair struct {
	Key   string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Key,omitempty"`
	Value string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value,omitempty"`
}

type BxArrayOfCustomCommand struct {
	CustomCommand []*BxCustomCommand `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CustomCommand,omitempty"`
}

type BxCustomCommand struct {
	Name        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name,omitempty"`
	DisplayName string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 DisplayName,omitempty"`
	Description string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Description,omitempty"`
	ToolTip     string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ToolTip,omitempty"`
	Actions     string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Actions,omitempty"`
	ActionData  string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ActionData,omitempty"`
}
