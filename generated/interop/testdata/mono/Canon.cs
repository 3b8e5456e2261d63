// The canonical form of values (see ../../canon_test.go), by reflection
// over the contracts: a member whose DataMember has EmitDefaultValue=false
// is absent when null (DataContractSerializer leaves it out), other null
// members are null (it writes them as xsi:nil); a dictionary is its list
// of Key/Value pairs; a flag set is its names separated by spaces; a
// DateTime is written as DataContractSerializer writes it.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using System.ServiceModel;
using System.Text;
using System.Xml;

namespace Interop
{
    public static class Canon
    {
        public static readonly object Absent = new object();

        public static object Of(object v)
        {
            if (v == null) return null;
            if (v is string || v is bool) return v;
            if (v is int || v is short || v is long || v is uint) return v;
            if (v is DateTime) return FormatDate((DateTime)v);
            if (v is byte[]) return Convert.ToBase64String((byte[])v);
            if (v is Enum) return v.ToString().Replace(", ", " ");
            if (v is IDictionary)
            {
                var list = new List<object>();
                foreach (DictionaryEntry e in (IDictionary)v) list.Add(Obj("Key", e.Key, "Value", e.Value));
                return list;
            }
            if (v is IEnumerable)
            {
                var list = new List<object>();
                foreach (var x in (IEnumerable)v) list.Add(Of(x));
                return list;
            }
            var o = new Dictionary<string, object>();
            var types = new List<Type>();
            for (var t = v.GetType(); t != null && t != typeof(object); t = t.BaseType) types.Insert(0, t);
            foreach (var t in types)
            {
                var fields = t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
                foreach (var f in fields)
                {
                    var dm = f.GetCustomAttribute<DataMemberAttribute>();
                    var mh = f.GetCustomAttribute<MessageHeaderAttribute>();
                    var mb = f.GetCustomAttribute<MessageBodyMemberAttribute>();
                    if (dm == null && mh == null && mb == null) continue;
                    var x = f.GetValue(v);
                    if (x == null && (mh != null || (dm != null && !dm.EmitDefaultValue) || (mb != null && Nullable.GetUnderlyingType(f.FieldType) != null))) continue;
                    o[f.Name] = Of(x);
                }
            }
            return o;
        }

        public static string FormatDate(DateTime d)
        {
            return d.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);
        }

        /// <summary>Xml is the canonical form of XML content: child elements by local name, or text.</summary>
        public static object Xml(XmlElement e)
        {
            var o = new Dictionary<string, object>();
            foreach (XmlNode n in e.ChildNodes)
            {
                if (n is XmlElement) o[n.LocalName] = Xml((XmlElement)n);
            }
            if (o.Count == 0) return e.InnerText;
            return o;
        }

        public static Dictionary<string, object> Obj(params object[] kv)
        {
            var o = new Dictionary<string, object>();
            for (int i = 0; i < kv.Length; i += 2)
            {
                if (kv[i + 1] != Absent) o[(string)kv[i]] = kv[i + 1] is Dictionary<string, object> || kv[i + 1] is List<object> ? kv[i + 1] : Of(kv[i + 1]);
            }
            return o;
        }

        public static string Json(object v)
        {
            var b = new StringBuilder();
            Write(b, v);
            return b.ToString();
        }

        static void Write(StringBuilder b, object v)
        {
            if (v == null) { b.Append("null"); return; }
            if (v is bool) { b.Append((bool)v ? "true" : "false"); return; }
            if (v is int || v is short || v is long || v is uint) { b.Append(Convert.ToString(v, CultureInfo.InvariantCulture)); return; }
            if (v is Dictionary<string, object>)
            {
                b.Append('{');
                bool first = true;
                foreach (var e in (Dictionary<string, object>)v)
                {
                    if (!first) b.Append(',');
                    first = false;
                    Str(b, e.Key);
                    b.Append(':');
                    Write(b, e.Value);
                }
                b.Append('}');
                return;
            }
            if (v is List<object>)
            {
                b.Append('[');
                bool first = true;
                foreach (var x in (List<object>)v)
                {
                    if (!first) b.Append(',');
                    first = false;
                    Write(b, x);
                }
                b.Append(']');
                return;
            }
            Str(b, v.ToString());
        }

        static void Str(StringBuilder b, string s)
        {
            b.Append('"');
            foreach (var c in s)
            {
                switch (c)
                {
                    case '"': b.Append("\\\""); break;
                    case '\\': b.Append("\\\\"); break;
                    case '\n': b.Append("\\n"); break;
                    case '\r': b.Append("\\r"); break;
                    case '\t': b.Append("\\t"); break;
                    default:
                        if (c < 0x20) b.Append(string.Format("\\u{0:x4}", (int)c));
                        else b.Append(c);
                        break;
                }
            }
            b.Append('"');
        }

        /// <summary>Message splits a message contract into its canonical header and body.</summary>
        public static Dictionary<string, object> Message(object m)
        {
            var header = new Dictionary<string, object>();
            var body = new Dictionary<string, object>();
            var all = (Dictionary<string, object>)Of(m);
            foreach (var f in m.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!all.ContainsKey(f.Name)) continue;
                if (f.GetCustomAttribute<MessageHeaderAttribute>() != null) header[f.Name] = all[f.Name];
                else body[f.Name] = all[f.Name];
            }
            return Obj("header", header, "body", body);
        }
    }
}
