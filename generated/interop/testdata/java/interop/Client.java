package interop;

import static interop.Canon.obj;
import static interop.Canon.opt;

import interop.user.EjUserStatus;
import interop.user.SoExceptionInfo;
import interop.user.SoExtraInfo;
import interop.user.SoTimeZone;
import interop.user.User;
import interop.user.UserPresenceStatus;
import interop.user.User_Type;
import interop.person.Person;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.xml.namespace.QName;
import javax.xml.soap.Detail;
import javax.xml.soap.SOAPFault;
import javax.xml.soap.SOAPHeader;
import javax.xml.soap.SOAPHeaderElement;
import javax.xml.ws.BindingProvider;
import javax.xml.ws.Holder;
import javax.xml.ws.Service;
import javax.xml.ws.handler.Handler;
import javax.xml.ws.handler.MessageContext;
import javax.xml.ws.handler.soap.SOAPHandler;
import javax.xml.ws.handler.soap.SOAPMessageContext;
import javax.xml.ws.soap.SOAPFaultException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The JAX-WS client of the interop suite (see ../../interop_test.go).
 * Usage: Client USER_WSDL PERSON_WSDL USER_URL PERSON_URL 11|12
 * Prints one JSON line per case: {"case": name, "response": canonical}.
 */
public final class Client {
    /** Adds the unknown mandatory header entry while mode is set. */
    static final class Unknown implements SOAPHandler<SOAPMessageContext> {
        static volatile String mode;

        public boolean handleMessage(SOAPMessageContext ctx) {
            if (!(Boolean) ctx.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY) || mode == null) return true;
            try {
                SOAPHeader h = ctx.getMessage().getSOAPHeader();
                if (h == null) h = ctx.getMessage().getSOAPPart().getEnvelope().addHeader();
                SOAPHeaderElement e = h.addHeaderElement(new QName(Fixture.UNKNOWN_NS, "Unknown", "u"));
                e.setMustUnderstand(true);
                if (mode.equals("actor")) {
                    if (version.equals("12")) e.setRole(Fixture.OTHER_NODE);
                    else e.setActor(Fixture.OTHER_NODE);
                }
                e.addTextNode("x");
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
            return true;
        }

        public boolean handleFault(SOAPMessageContext ctx) { return true; }
        public void close(MessageContext ctx) {}
        public Set<QName> getHeaders() { return Collections.emptySet(); }
    }

    static String version;

    static <T> T port(String wsdl, String service, String portName, Class<T> sei, String url) throws Exception {
        Service s = Service.create(new File(wsdl).toURI().toURL(), new QName(Fixture.NS, service));
        T p = s.getPort(new QName(Fixture.NS, portName), sei);
        BindingProvider bp = (BindingProvider) p;
        bp.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, url);
        @SuppressWarnings("rawtypes")
        List<Handler> chain = new ArrayList<>(bp.getBinding().getHandlerChain());
        chain.add(new Unknown());
        bp.getBinding().setHandlerChain(chain);
        return p;
    }

    static Object fault(SOAPFaultException e) {
        SOAPFault f = e.getFault();
        Map<String, Object> out = obj("code", f.getFaultCodeAsQName().getLocalPart(), "reason", f.getFaultString());
        Detail d = f.getDetail();
        if (d != null) {
            Map<String, Object> entries = obj();
            for (Node n = d.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) entries.put(n.getLocalName(), Canon.xml((Element) n));
            }
            if (!entries.isEmpty()) out.put("detail", entries);
        }
        return obj("fault", out);
    }

    /** Holders of the response headers of one call. */
    static final class Headers {
        final Holder<SoTimeZone> timeZone = new Holder<>(Fixture.timeZone());
        final Holder<SoExceptionInfo> exceptionInfo = new Holder<>();
        final Holder<SoExtraInfo> extraInfo = new Holder<>();
        final Holder<Boolean> succeeded = new Holder<>();

        Object canon() {
            return obj("ExceptionInfo", opt(exceptionInfo.value), "ExtraInfo", opt(extraInfo.value), "Succeeded", opt(succeeded.value), "TimeZone", opt(timeZone.value));
        }
    }

    static final class PersonHeaders {
        final Holder<interop.person.SoTimeZone> timeZone = new Holder<>(Fixture.personTimeZone());
        final Holder<interop.person.SoExceptionInfo> exceptionInfo = new Holder<>();
        final Holder<interop.person.SoExtraInfo> extraInfo = new Holder<>();
        final Holder<Boolean> succeeded = new Holder<>();

        Object canon() {
            return obj("ExceptionInfo", opt(exceptionInfo.value), "ExtraInfo", opt(extraInfo.value), "Succeeded", opt(succeeded.value), "TimeZone", opt(timeZone.value));
        }
    }

    static UserPresenceStatus status(EjUserStatus s, String msg) {
        UserPresenceStatus p = new UserPresenceStatus();
        p.setStatus(s);
        p.setMessage(Fixture.el("Message", String.class, UserPresenceStatus.class, msg));
        return p;
    }

    static void run(String name, Callable<Object> call) {
        Object resp;
        try {
            resp = call.call();
        } catch (SOAPFaultException e) {
            resp = fault(e);
        } catch (Exception e) {
            resp = obj("error", e.toString());
        } finally {
            Unknown.mode = null;
        }
        System.out.println(Canon.json(obj("case", name, "response", resp)));
    }

    public static void main(String[] a) throws Exception {
        version = a[4];
        User u = port(a[0], "WcfUserService", "BasicHttpBinding_User", User.class, a[2]);
        Person p = port(a[1], "WcfPersonService", "BasicHttpBinding_Person", Person.class, a[3]);
        String token = "app-token";
        run("user", () -> {
            Headers h = new Headers();
            User_Type r = u.saveUser(Fixture.user(), token, Fixture.credentials(), h.timeZone, h.exceptionInfo, h.extraInfo, h.succeeded);
            return obj("header", h.canon(), "body", obj("Response", opt(r)));
        });
        run("serviceerror", () -> {
            Headers h = new Headers();
            UserPresenceStatus r = u.setUserPresenceStatus(404, status(EjUserStatus.STATUS_NOT_AVAILABLE, "away"), token, Fixture.credentials(), h.timeZone, h.exceptionInfo, h.extraInfo, h.succeeded);
            return obj("header", h.canon(), "body", obj("Response", opt(r)));
        });
        run("fault", () -> {
            Headers h = new Headers();
            UserPresenceStatus r = u.setUserPresenceStatus(13, status(EjUserStatus.STATUS_NORMAL, "x"), token, Fixture.credentials(), h.timeZone, h.exceptionInfo, h.extraInfo, h.succeeded);
            return obj("header", h.canon(), "body", obj("Response", opt(r)));
        });
        for (String c : new String[] {"mustunderstand", "actor"}) {
            run(c, () -> {
                Unknown.mode = c;
                Headers h = new Headers();
                UserPresenceStatus r = u.getUserPresenceStatus(c.equals("actor") ? 3 : 2, token, Fixture.credentials(), h.timeZone, h.exceptionInfo, h.extraInfo, h.succeeded);
                return obj("header", h.canon(), "body", obj("Response", opt(r)));
            });
        }
        run("image-set", () -> {
            PersonHeaders h = new PersonHeaders();
            p.setPersonImage(5, Fixture.imageUp(), token, Fixture.personCredentials(), h.timeZone, h.exceptionInfo, h.extraInfo, h.succeeded);
            return obj("header", h.canon(), "body", obj());
        });
        run("image-get", () -> {
            PersonHeaders h = new PersonHeaders();
            byte[] r = p.getPersonImage(5, token, Fixture.personCredentials(), h.timeZone, h.exceptionInfo, h.extraInfo, h.succeeded);
            return obj("header", h.canon(), "body", obj("Response", opt(r)));
        });
    }
}
