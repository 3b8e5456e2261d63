package interop;

import static interop.Canon.obj;
import static interop.Canon.opt;

import com.sun.net.httpserver.HttpServer;
import interop.user.SoCredentials;
import interop.user.SoExceptionInfo;
import interop.user.SoExtraInfo;
import interop.user.SoTimeZone;
import interop.user.User;
import interop.user.UserPresenceStatus;
import interop.user.User_Type;
import interop.person.Person;
import java.net.InetSocketAddress;
import javax.jws.WebService;
import javax.xml.namespace.QName;
import javax.xml.soap.Detail;
import javax.xml.soap.DetailEntry;
import javax.xml.soap.SOAPConstants;
import javax.xml.soap.SOAPFactory;
import javax.xml.soap.SOAPFault;
import javax.xml.ws.Endpoint;
import javax.xml.ws.Holder;
import javax.xml.ws.soap.SOAPBinding;
import javax.xml.ws.soap.SOAPFaultException;

/**
 * The JAX-WS servers of the interop suite (see ../../interop_test.go).
 * Usage: Server PORT. Serves /user11 /user12 /person11 /person12 on
 * 127.0.0.1:PORT with javax.xml.ws.Endpoint, prints LISTENING, then one
 * JSON line per request: {"op": operation, "request": {"header", "body"}}.
 */
public final class Server {
    static synchronized void report(String op, Object header, Object body) {
        System.out.println(Canon.json(obj("op", op, "request", obj("header", header, "body", body))));
        System.out.flush();
    }

    static Object header(String token, Object credentials, Object timeZone) {
        return obj("ApplicationToken", opt(token), "Credentials", opt(credentials), "TimeZone", opt(timeZone));
    }

    @WebService(endpointInterface = "interop.user.User", serviceName = "WcfUserService", portName = "BasicHttpBinding_User", targetNamespace = Fixture.NS)
    public static final class UserImpl implements User {
        final boolean soap12;

        UserImpl(boolean soap12) { this.soap12 = soap12; }

        public User_Type saveUser(User_Type user, String token, SoCredentials credentials, Holder<SoTimeZone> timeZone, Holder<SoExceptionInfo> exceptionInfo, Holder<SoExtraInfo> extraInfo, Holder<Boolean> succeeded) {
            report("SaveUser", header(token, credentials, timeZone.value), obj("User", opt(user)));
            extraInfo.value = Fixture.extraInfo();
            succeeded.value = true;
            return user; // timeZone, in and out, goes back as it came
        }

        public UserPresenceStatus setUserPresenceStatus(Integer id, UserPresenceStatus status, String token, SoCredentials credentials, Holder<SoTimeZone> timeZone, Holder<SoExceptionInfo> exceptionInfo, Holder<SoExtraInfo> extraInfo, Holder<Boolean> succeeded) {
            report("SetUserPresenceStatus", header(token, credentials, timeZone.value), obj("AssociateId", opt(id), "UserPresenceStatus", opt(status)));
            timeZone.value = null;
            if (id != null && id == 13) throw fault(soap12);
            if (id != null && id == 404) {
                succeeded.value = false;
                exceptionInfo.value = Fixture.exceptionInfo();
                return null;
            }
            succeeded.value = true;
            return status;
        }

        public UserPresenceStatus getUserPresenceStatus(Integer id, String token, SoCredentials credentials, Holder<SoTimeZone> timeZone, Holder<SoExceptionInfo> exceptionInfo, Holder<SoExtraInfo> extraInfo, Holder<Boolean> succeeded) {
            report("GetUserPresenceStatus", header(token, credentials, timeZone.value), obj("AssociateId", opt(id)));
            timeZone.value = null;
            succeeded.value = true;
            UserPresenceStatus s = new UserPresenceStatus();
            s.setStatus(interop.user.EjUserStatus.STATUS_NORMAL);
            s.setMessage(Fixture.el("Message", String.class, UserPresenceStatus.class, "ok"));
            return s;
        }
    }

    @WebService(endpointInterface = "interop.person.Person", serviceName = "WcfPersonService", portName = "BasicHttpBinding_Person", targetNamespace = Fixture.NS)
    public static final class PersonImpl implements Person {
        public byte[] getPersonImage(Integer id, String token, interop.person.SoCredentials credentials, Holder<interop.person.SoTimeZone> timeZone, Holder<interop.person.SoExceptionInfo> exceptionInfo, Holder<interop.person.SoExtraInfo> extraInfo, Holder<Boolean> succeeded) {
            report("GetPersonImage", header(token, credentials, timeZone.value), obj("PersonId", opt(id)));
            timeZone.value = null;
            succeeded.value = true;
            return Fixture.imageDown();
        }

        public void setPersonImage(Integer id, byte[] image, String token, interop.person.SoCredentials credentials, Holder<interop.person.SoTimeZone> timeZone, Holder<interop.person.SoExceptionInfo> exceptionInfo, Holder<interop.person.SoExtraInfo> extraInfo, Holder<Boolean> succeeded) {
            report("SetPersonImage", header(token, credentials, timeZone.value), obj("PersonId", opt(id), "Image", opt(image)));
            timeZone.value = null;
            succeeded.value = true;
        }
    }

    static SOAPFaultException fault(boolean soap12) {
        try {
            SOAPFactory f = SOAPFactory.newInstance(soap12 ? SOAPConstants.SOAP_1_2_PROTOCOL : SOAPConstants.SOAP_1_1_PROTOCOL);
            QName code = soap12 ? new QName(SOAPConstants.URI_NS_SOAP_1_2_ENVELOPE, "Sender") : new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Client");
            SOAPFault fault = f.createFault("associate 13 may not change status", code);
            Detail d = fault.addDetail();
            DetailEntry e = d.addDetailEntry(new QName(Fixture.UNKNOWN_NS, "Problem", "p"));
            e.addChildElement(new QName(Fixture.UNKNOWN_NS, "Id", "p")).addTextNode("13");
            e.addChildElement(new QName(Fixture.UNKNOWN_NS, "Text", "p")).addTextNode("no change");
            return new SOAPFaultException(fault);
        } catch (Exception ex) {
            throw new RuntimeException(ex);
        }
    }

    public static void main(String[] a) throws Exception {
        HttpServer hs = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(a[0])), 0);
        Endpoint.create(SOAPBinding.SOAP11HTTP_BINDING, new UserImpl(false)).publish(hs.createContext("/user11"));
        Endpoint.create(SOAPBinding.SOAP12HTTP_BINDING, new UserImpl(true)).publish(hs.createContext("/user12"));
        Endpoint.create(SOAPBinding.SOAP11HTTP_BINDING, new PersonImpl()).publish(hs.createContext("/person11"));
        Endpoint.create(SOAPBinding.SOAP12HTTP_BINDING, new PersonImpl()).publish(hs.createContext("/person12"));
        hs.start();
        System.out.println("LISTENING");
        System.out.flush();
    }
}
