// The WCF client of the interop suite (see ../../interop_test.go).
// Usage: mono client.exe USER_URL PERSON_URL 11|12
// Prints one JSON line per case: {"case": name, "response": canonical}.
using System;
using System.Collections.Generic;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Xml;

namespace Interop
{
    public static class Client
    {
        static string version;

        static object Fault(FaultException fe)
        {
            var mf = fe.CreateMessageFault();
            var o = Canon.Obj("code", mf.Code.Name, "reason", mf.Reason.GetMatchingTranslation().Text);
            if (mf.HasDetail)
            {
                var doc = new XmlDocument();
                var r = mf.GetReaderAtDetailContents();
                var detail = new Dictionary<string, object>();
                while (r.NodeType != XmlNodeType.EndElement && !r.EOF)
                {
                    if (r.NodeType == XmlNodeType.Element)
                    {
                        var e = (XmlElement)doc.ReadNode(r);
                        detail[e.LocalName] = Canon.Xml(e);
                    }
                    else if (!r.Read()) break;
                }
                if (detail.Count > 0) o["detail"] = detail;
            }
            return Canon.Obj("fault", o);
        }

        static void Run(string name, Func<object> call)
        {
            object resp;
            try
            {
                resp = call();
            }
            catch (FaultException fe)
            {
                resp = Fault(fe);
            }
            catch (Exception e)
            {
                resp = Canon.Obj("error", e.GetType().Name + ": " + e.Message);
            }
            Console.WriteLine(Canon.Json(Canon.Obj("case", name, "response", resp)));
        }

        /// <summary>Unknown calls f with the unknown mandatory header entry added.</summary>
        static object Unknown(IClientChannel ch, bool actor, Func<object> f)
        {
            using (new OperationContextScope(ch))
            {
                MessageHeader h = actor
                    ? MessageHeader.CreateHeader("Unknown", Names.UnknownNS, "x", true, Names.OtherNode)
                    : MessageHeader.CreateHeader("Unknown", Names.UnknownNS, "x", true);
                OperationContext.Current.OutgoingMessageHeaders.Add(h);
                return f();
            }
        }

        public static int Main(string[] a)
        {
            version = a[2];
            var binding = Bindings.For(version);
            var uf = new ChannelFactory<IUser>(binding, new EndpointAddress(a[0]));
            var pf = new ChannelFactory<IPerson>(binding, new EndpointAddress(a[1]));
            var u = uf.CreateChannel();
            var p = pf.CreateChannel();
            Run("user", () =>
            {
                var req = new SaveUserRequest { User = Fixture.User() };
                Fixture.Headers(req);
                return Canon.Message(u.SaveUser(req));
            });
            Run("serviceerror", () =>
            {
                var req = new SetUserPresenceStatusRequest { AssociateId = 404, UserPresenceStatus = new UserPresenceStatus { Status = EjUserStatus.StatusNotAvailable, Message = "away" } };
                Fixture.Headers(req);
                return Canon.Message(u.SetUserPresenceStatus(req));
            });
            Run("fault", () =>
            {
                var req = new SetUserPresenceStatusRequest { AssociateId = 13, UserPresenceStatus = new UserPresenceStatus { Status = EjUserStatus.StatusNormal, Message = "x" } };
                Fixture.Headers(req);
                return Canon.Message(u.SetUserPresenceStatus(req));
            });
            foreach (var c in new[] { "mustunderstand", "actor" })
            {
                var actor = c == "actor";
                Run(c, () =>
                {
                    var req = new GetUserPresenceStatusRequest { AssociateId = actor ? 3 : 2 };
                    Fixture.Headers(req);
                    return Unknown((IClientChannel)u, actor, () => Canon.Message(u.GetUserPresenceStatus(req)));
                });
                // A faulted channel cannot be used again.
                if (((IClientChannel)u).State == CommunicationState.Faulted) u = uf.CreateChannel();
            }
            Run("image-set", () =>
            {
                var req = new SetPersonImageRequest { PersonId = 5, Image = Fixture.Image(true) };
                Fixture.Headers(req);
                return Canon.Message(p.SetPersonImage(req));
            });
            Run("image-get", () =>
            {
                var req = new GetPersonImageRequest { PersonId = 5 };
                Fixture.Headers(req);
                return Canon.Message(p.GetPersonImage(req));
            });
            return 0;
        }
    }
}
