package interop;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.bind.JAXBElement;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlElementRef;
import javax.xml.bind.annotation.XmlList;
import javax.xml.datatype.XMLGregorianCalendar;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The canonical form of values (see ../../canon_test.go), by reflection
 * over the classes wsimport generated: a JAXBElement that is nil is null,
 * a member left null is absent (null if the schema requires it, as nil is
 * the only way to be null then), an ArrayOfX or a dictionary is its list,
 * an xs:list (a flag set) is its text.
 */
public final class Canon {
    private Canon() {}

    static final Object ABSENT = new Object();

    public static Object of(Object v) {
        if (v == null) return null;
        if (v instanceof JAXBElement) {
            JAXBElement<?> e = (JAXBElement<?>) v;
            return e.isNil() ? null : of(e.getValue());
        }
        if (v instanceof String || v instanceof Boolean || v instanceof Number) return v;
        if (v instanceof XMLGregorianCalendar) return ((XMLGregorianCalendar) v).toXMLFormat();
        if (v instanceof byte[]) return Base64.getEncoder().encodeToString((byte[]) v);
        if (v instanceof Enum) {
            try {
                return v.getClass().getMethod("value").invoke(v);
            } catch (ReflectiveOperationException e) {
                return ((Enum<?>) v).name();
            }
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object x : (List<?>) v) out.add(of(x));
            return out;
        }
        if (v instanceof Element) return xml((Element) v);
        Map<String, Object> out = new LinkedHashMap<>();
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = v.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            List<Field> own = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) own.add(f);
            }
            fields.addAll(0, own);
        }
        for (Field f : fields) {
            f.setAccessible(true);
            Object x;
            try {
                x = f.get(v);
            } catch (IllegalAccessException e) {
                throw new RuntimeException(e);
            }
            String name = f.getName();
            boolean requiredNil = false;
            XmlElement xe = f.getAnnotation(XmlElement.class);
            if (xe != null && !xe.name().equals("##default")) name = xe.name();
            if (xe != null) requiredNil = xe.required() && xe.nillable();
            XmlElementRef xr = f.getAnnotation(XmlElementRef.class);
            if (xr != null) name = xr.name();
            if (xe == null && xr == null) name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            if (x == null) {
                if (requiredNil) out.put(name, null);
                continue;
            }
            if (f.getAnnotation(XmlList.class) != null && x instanceof List) {
                StringBuilder b = new StringBuilder();
                for (Object item : (List<?>) x) {
                    if (b.length() > 0) b.append(' ');
                    b.append(of(item));
                }
                out.put(name, b.toString());
                continue;
            }
            out.put(name, of(x));
        }
        // An ArrayOfX or a dictionary: one list member.
        if (fields.size() == 1 && out.size() <= 1 && List.class.isAssignableFrom(fields.get(0).getType())) {
            Object items = out.values().stream().findFirst().orElse(new ArrayList<>());
            return items;
        }
        return out;
    }

    /** xml is the canonical form of XML content: child elements by local name, or text. */
    public static Object xml(Element e) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) out.put(n.getLocalName(), xml((Element) n));
        }
        if (out.isEmpty()) return e.getTextContent();
        return out;
    }

    public static String json(Object v) {
        StringBuilder b = new StringBuilder();
        write(b, v);
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    static void write(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                if (!first) b.append(',');
                first = false;
                string(b, e.getKey());
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List) {
            b.append('[');
            boolean first = true;
            for (Object x : (List<Object>) v) {
                if (!first) b.append(',');
                first = false;
                write(b, x);
            }
            b.append(']');
        } else if (v instanceof Boolean || v instanceof Number) {
            b.append(v);
        } else {
            string(b, v.toString());
        }
    }

    static void string(StringBuilder b, String s) {
        b.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
            }
        }
        b.append('"');
    }

    /** obj builds a canonical object from key, value pairs. */
    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != ABSENT) m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** opt is the canonical value of a member that may be absent (null). */
    public static Object opt(Object v) {
        return v == null ? ABSENT : of(v);
    }
}
