package user_test

// The baseline of the benchmarks in bench_test.go: the same envelopes
// with encoding/xml and struct tags, as gowsdl generates them (namespaced
// tags, pointers to nested complex types, plain values for simple ones),
// covering every element the documented GetUser response holds. The
// members of the User types have no omitempty: gowsdl writes it on every
// optional member, so encoding/xml would leave out the zeros and empty
// strings the documented response is made of, sending another (shorter)
// message than the one the benchmark encodes; decoding is unaffected.

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
	AssociateId        int32                   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 AssociateId"`
	Name               string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name"`
	Rank               int16                   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Rank"`
	Tooltip            string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Tooltip"`
	LicenseOwners      *BxArrayOfLicenseOwner  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 LicenseOwners"`
	Role               *BxRole                 `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Role"`
	UserGroup          *BxUserGroup            `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UserGroup"`
	OtherGroups        *BxArrayOfUserGroup     `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 OtherGroups"`
	Person             *BxPerson               `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Person"`
	Deleted            bool                    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Deleted"`
	Lastlogin          BxDateTime              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Lastlogin"`
	Lastlogout         BxDateTime              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Lastlogout"`
	EjUserId           int32                   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 EjUserId"`
	RequestSignature   string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 RequestSignature"`
	Type               string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Type"`
	IsPersonRetired    bool                    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 IsPersonRetired"`
	IsOnTravel         bool                    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 IsOnTravel"`
	Credentials        *BxArrayOfCredential    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Credentials"`
	UserName           string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UserName"`
	TicketCategories   *BxArrayOfMDOListItem   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 TicketCategories"`
	NickName           string                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 NickName"`
	WaitingForApproval bool                    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 WaitingForApproval"`
	ExtraFields        *BxStringDictionary     `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExtraFields"`
	CustomFields       *BxStringDictionary     `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CustomFields"`
	PostSaveCommands   *BxArrayOfCustomCommand `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 PostSaveCommands"`
}

type BxArrayOfLicenseOwner struct {
	LicenseOwner []*BxLicenseOwner `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 LicenseOwner"`
}

type BxLicenseOwner struct {
	Name                       string                      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name"`
	Description                string                      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Description"`
	RestrictedModuleLicenses   *BxArrayOfModuleLicenseLink `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 RestrictedModuleLicenses"`
	UnrestrictedModuleLicenses *BxArrayOfModuleLicenseLink `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UnrestrictedModuleLicenses"`
}

type BxArrayOfModuleLicenseLink struct {
	ModuleLicenseLink []*BxModuleLicenseLink `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ModuleLicenseLink"`
}

type BxModuleLicenseLink struct {
	Unrestricted           bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Unrestricted"`
	Total                  int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Total"`
	Tooltip                string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Tooltip"`
	CanAssign              bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CanAssign"`
	Free                   int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Free"`
	InUse                  int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 InUse"`
	IsHidden               bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 IsHidden"`
	Assigned               bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Assigned"`
	ModuleLicenseId        int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ModuleLicenseId"`
	Name                   string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name"`
	Description            string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Description"`
	PrerequisiteModuleName string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 PrerequisiteModuleName"`
	SortOrder              int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SortOrder"`
	ExtraFlags             int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExtraFlags"`
}

type BxRole struct {
	Id      int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Id"`
	Value   string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value"`
	Tooltip string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Tooltip"`
}

type BxUserGroup struct {
	Value   string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value"`
	Tooltip string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Tooltip"`
	Id      int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Id"`
	Rank    int16  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Rank"`
	Deleted bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Deleted"`
}

type BxArrayOfUserGroup struct {
	UserGroup []*BxUserGroup `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UserGroup"`
}

type BxPerson struct {
	Position           string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Position"`
	PersonId           int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 PersonId"`
	Mrmrs              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Mrmrs"`
	Firstname          string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Firstname"`
	Lastname           string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Lastname"`
	MiddleName         string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 MiddleName"`
	Title              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Title"`
	Description        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Description"`
	Email              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Email"`
	FullName           string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FullName"`
	DirectPhone        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 DirectPhone"`
	FormalName         string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FormalName"`
	CountryId          int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CountryId"`
	ContactId          int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactId"`
	ContactName        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactName"`
	Retired            int16  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Retired"`
	Rank               int16  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Rank"`
	ActiveInterests    int16  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ActiveInterests"`
	ContactDepartment  string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactDepartment"`
	ContactCountryId   int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactCountryId"`
	ContactOrgNr       string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactOrgNr"`
	FaxPhone           string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FaxPhone"`
	MobilePhone        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 MobilePhone"`
	ContactPhone       string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactPhone"`
	AssociateName      string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 AssociateName"`
	AssociateId        int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 AssociateId"`
	UsePersonAddress   bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UsePersonAddress"`
	ContactFax         string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactFax"`
	Kanafname          string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Kanafname"`
	Kanalname          string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Kanalname"`
	Post1              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Post1"`
	Post2              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Post2"`
	Post3              string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Post3"`
	EmailName          string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 EmailName"`
	ContactFullName    string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ContactFullName"`
	ActiveErpLinks     int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ActiveErpLinks"`
	TicketPriorityId   int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 TicketPriorityId"`
	SupportLanguageId  int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SupportLanguageId"`
	SupportAssociateId int32  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SupportAssociateId"`
	CategoryName       string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CategoryName"`
	PersonNumber       string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 PersonNumber"`
}

type BxArrayOfCredential struct {
	Credential []*BxCredential `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Credential"`
}

type BxCredential struct {
	Type         *BxCredentialType `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Type"`
	Value        string            `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value"`
	DisplayValue string            `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 DisplayValue"`
}

type BxCredentialType struct {
	DisplayType         string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 DisplayType"`
	Type                string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Type"`
	Description         string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Description"`
	ValueControl        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ValueControl"`
	CanCreatePerson     bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CanCreatePerson"`
	IsUserNameSupported bool   `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 IsUserNameSupported"`
}

type BxArrayOfMDOListItem struct {
	MDOListItem []*BxMDOListItem `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 MDOListItem"`
}

type BxMDOListItem struct {
	Id         int32                 `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Id"`
	Name       string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name"`
	ToolTip    string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ToolTip"`
	Deleted    bool                  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Deleted"`
	Rank       int32                 `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Rank"`
	Type       string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Type"`
	ChildItems *BxArrayOfMDOListItem `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ChildItems"`
	IconHint   string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 IconHint"`
	ColorBlock int32                 `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ColorBlock"`
	ExtraInfo  string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExtraInfo"`
	StyleHint  string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 StyleHint"`
	FullName   string                `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FullName"`
}

type BxStringDictionary struct {
	StringKeyValuePair []*BxStringKeyValuePair `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 StringKeyValuePair"`
}

type BxStringKeyValuePair struct {
	Key   string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Key"`
	Value string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value"`
}

type BxArrayOfCustomCommand struct {
	CustomCommand []*BxCustomCommand `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CustomCommand"`
}

type BxCustomCommand struct {
	Name        string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name"`
	DisplayName string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 DisplayName"`
	Description string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Description"`
	ToolTip     string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ToolTip"`
	Actions     string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Actions"`
	ActionData  string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ActionData"`
}
