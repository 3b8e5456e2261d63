package interop;

import interop.user.ArrayOfUserGroup;
import interop.user.Carrier;
import interop.user.Role;
import interop.user.SoCredentials;
import interop.user.SoExceptionInfo;
import interop.user.SoExceptionInfoParameters;
import interop.user.SoExtraInfo;
import interop.user.SoTimeZone;
import interop.user.StringDictionary;
import interop.user.TableRight;
import interop.user.UserGroup;
import interop.user.UserType;
import interop.user.User_Type;
import javax.xml.bind.JAXBElement;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.namespace.QName;

/** The values of the cases (see ../../cases_test.go), built with the classes wsimport generated. */
public final class Fixture {
    private Fixture() {}

    public static final String NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
    public static final String UNKNOWN_NS = "urn:soapgen:interop";
    public static final String OTHER_NODE = "urn:soapgen:interop:elsewhere";

    /** el is a JAXBElement of a nillable member; null makes it nil. */
    public static <T> JAXBElement<T> el(String name, Class<T> type, Class<?> scope, T value) {
        return new JAXBElement<>(new QName(NS, name), type, scope, value);
    }

    public static TableRight tableRight(String reasonNil, String... mask) {
        TableRight t = new TableRight();
        for (String m : mask) t.getMask().add(m);
        if (reasonNil != null) t.setReason(el("Reason", String.class, TableRight.class, null));
        return t;
    }

    public static UserGroup group(int id, String value) {
        UserGroup g = new UserGroup();
        g.setValue(el("Value", String.class, UserGroup.class, value));
        g.setId(id);
        return g;
    }

    public static StringDictionary.StringKeyValuePair pair(String k, String v) {
        StringDictionary.StringKeyValuePair p = new StringDictionary.StringKeyValuePair();
        p.setKey(k);
        p.setValue(v);
        return p;
    }

    public static User_Type user() throws Exception {
        DatatypeFactory df = DatatypeFactory.newInstance();
        User_Type u = new User_Type();
        u.setTableRight(el("TableRight", TableRight.class, Carrier.class, tableRight("nil", "Select", "Delete")));
        u.setAssociateId(42);
        u.setName(el("Name", String.class, User_Type.class, "  Ada  Lovelace "));
        u.setRank((short) 3);
        u.setTooltip(el("Tooltip", String.class, User_Type.class, "line1\r\nline2\ttab <&>"));
        Role r = new Role();
        r.setId(7);
        r.setValue(el("Value", String.class, Role.class, "Admin"));
        r.setTooltip(el("Tooltip", String.class, Role.class, null));
        u.setRole(el("Role", Role.class, User_Type.class, r));
        UserGroup g = group(1, "Sales");
        g.setRank((short) 2);
        g.setDeleted(false);
        u.setUserGroup(el("UserGroup", UserGroup.class, User_Type.class, g));
        ArrayOfUserGroup others = new ArrayOfUserGroup();
        others.getUserGroup().add(group(2, "Support"));
        others.getUserGroup().add(null);
        UserGroup ops = group(3, "Ops");
        ops.setTableRight(el("TableRight", TableRight.class, Carrier.class, tableRight(null, "Select")));
        others.getUserGroup().add(ops);
        u.setOtherGroups(el("OtherGroups", ArrayOfUserGroup.class, User_Type.class, others));
        u.setDeleted(false);
        u.setLastlogin(df.newXMLGregorianCalendar("2025-11-26T12:08:54.1234567+01:00"));
        u.setLastlogout(df.newXMLGregorianCalendar("2025-11-26T18:30:05.5"));
        u.setEjUserId(0);
        u.setRequestSignature(el("RequestSignature", String.class, User_Type.class, null));
        u.setType(UserType.INTERNAL_ASSOCIATE);
        u.setUserName(el("UserName", String.class, User_Type.class, "ada"));
        StringDictionary d = new StringDictionary();
        d.getStringKeyValuePair().add(pair("a", "1"));
        d.getStringKeyValuePair().add(pair("empty", ""));
        d.getStringKeyValuePair().add(pair("none", null));
        u.setExtraFields(el("ExtraFields", StringDictionary.class, User_Type.class, d));
        return u;
    }

    public static SoCredentials credentials() {
        SoCredentials c = new SoCredentials();
        c.setTicket(el("Ticket", String.class, SoCredentials.class, "7T:ticket=="));
        return c;
    }

    public static SoTimeZone timeZone() {
        SoTimeZone t = new SoTimeZone();
        t.setSoTimeZoneId(7);
        t.setSoTimeZoneLocationCode(el("SoTimeZoneLocationCode", String.class, SoTimeZone.class, "NOOSL"));
        return t;
    }

    public static interop.person.SoCredentials personCredentials() {
        interop.person.SoCredentials c = new interop.person.SoCredentials();
        c.setTicket(new JAXBElement<>(new QName(NS, "Ticket"), String.class, interop.person.SoCredentials.class, "7T:ticket=="));
        return c;
    }

    public static interop.person.SoTimeZone personTimeZone() {
        interop.person.SoTimeZone t = new interop.person.SoTimeZone();
        t.setSoTimeZoneId(7);
        t.setSoTimeZoneLocationCode(new JAXBElement<>(new QName(NS, "SoTimeZoneLocationCode"), String.class, interop.person.SoTimeZone.class, "NOOSL"));
        return t;
    }

    public static SoExtraInfo extraInfo() {
        SoExtraInfo x = new SoExtraInfo();
        SoExtraInfo.ExtraInfoNameValuePair a = new SoExtraInfo.ExtraInfoNameValuePair();
        a.setKey("echo");
        a.setValue("yes");
        SoExtraInfo.ExtraInfoNameValuePair b = new SoExtraInfo.ExtraInfoNameValuePair();
        b.setKey("none");
        b.setValue(null);
        x.getExtraInfoNameValuePair().add(a);
        x.getExtraInfoNameValuePair().add(b);
        return x;
    }

    public static SoExceptionInfo exceptionInfo() {
        SoExceptionInfo e = new SoExceptionInfo();
        e.setMessage(el("Message", String.class, SoExceptionInfo.class, "No such associate"));
        e.setExceptionType(el("ExceptionType", String.class, SoExceptionInfo.class, "SoException"));
        SoExceptionInfoParameters p = new SoExceptionInfoParameters();
        SoExceptionInfoParameters.SoExceptionInfoParametersKeyValuePair kv = new SoExceptionInfoParameters.SoExceptionInfoParametersKeyValuePair();
        kv.setKey("id");
        kv.setValue("404");
        p.getSoExceptionInfoParametersKeyValuePair().add(kv);
        e.setParameters(el("Parameters", SoExceptionInfoParameters.class, SoExceptionInfo.class, p));
        return e;
    }

    public static byte[] imageUp() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) b[i] = (byte) i;
        return b;
    }

    public static byte[] imageDown() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) b[i] = (byte) (255 - i);
        return b;
    }
}
