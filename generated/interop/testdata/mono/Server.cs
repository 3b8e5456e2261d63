// The WCF servers of the interop suite (see ../../interop_test.go).
// Usage: mono server.exe PORT. Serves /user11 /user12 /person11 /person12
// on 127.0.0.1:PORT (BasicHttpBinding for SOAP 1.1, a custom binding for
// SOAP 1.2), prints LISTENING, then one JSON line per request received:
// {"op": operation, "request": {"header": canonical, "body": canonical}}.
using System;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Threading;

namespace Interop
{
    [ServiceBehavior(InstanceContextMode = InstanceContextMode.Single, ConcurrencyMode = ConcurrencyMode.Multiple)]
    public class UserService : IUser
    {
        static readonly object Lock = new object();

        public static void Report(string op, object request)
        {
            lock (Lock)
            {
                Console.WriteLine(Canon.Json(Canon.Obj("op", op, "request", Canon.Message(request))));
                Console.Out.Flush();
            }
        }

        public SaveUserResponse SaveUser(SaveUserRequest r)
        {
            Report("SaveUser", r);
            var extra = new SoExtraInfo();
            extra.Add("echo", "yes");
            extra.Add("none", null);
            return new SaveUserResponse { Response = r.User, Succeeded = true, ExtraInfo = extra, TimeZone = r.TimeZone };
        }

        public SetUserPresenceStatusResponse SetUserPresenceStatus(SetUserPresenceStatusRequest r)
        {
            Report("SetUserPresenceStatus", r);
            if (r.AssociateId == 13)
            {
                throw new FaultException<Problem>(new Problem { Id = "13", Text = "no change" }, new FaultReason("associate 13 may not change status"), FaultCode.CreateSenderFaultCode(null));
            }
            if (r.AssociateId == 404)
            {
                var p = new SoExceptionInfoParameters();
                p.Add("id", "404");
                return new SetUserPresenceStatusResponse { Succeeded = false, ExceptionInfo = new SoExceptionInfo { Message = "No such associate", ExceptionType = "SoException", Parameters = p } };
            }
            return new SetUserPresenceStatusResponse { Response = r.UserPresenceStatus, Succeeded = true };
        }

        public GetUserPresenceStatusResponse GetUserPresenceStatus(GetUserPresenceStatusRequest r)
        {
            Report("GetUserPresenceStatus", r);
            return new GetUserPresenceStatusResponse { Response = new UserPresenceStatus { Status = EjUserStatus.StatusNormal, Message = "ok" }, Succeeded = true };
        }
    }

    [ServiceBehavior(InstanceContextMode = InstanceContextMode.Single, ConcurrencyMode = ConcurrencyMode.Multiple)]
    public class PersonService : IPerson
    {
        public SetPersonImageResponse SetPersonImage(SetPersonImageRequest r)
        {
            UserService.Report("SetPersonImage", r);
            return new SetPersonImageResponse { Succeeded = true };
        }

        public GetPersonImageResponse GetPersonImage(GetPersonImageRequest r)
        {
            UserService.Report("GetPersonImage", r);
            return new GetPersonImageResponse { Response = Fixture.Image(false), Succeeded = true };
        }
    }

    public static class Server
    {
        public static int Main(string[] a)
        {
            // Absolute addresses, no base address: the two hosts share the port.
            var root = "http://127.0.0.1:" + a[0] + "/";
            var user = new ServiceHost(new UserService());
            user.AddServiceEndpoint(typeof(IUser), Bindings.For("11"), root + "user11");
            user.AddServiceEndpoint(typeof(IUser), Bindings.For("12"), root + "user12");
            var person = new ServiceHost(new PersonService());
            person.AddServiceEndpoint(typeof(IPerson), Bindings.For("11"), root + "person11");
            person.AddServiceEndpoint(typeof(IPerson), Bindings.For("12"), root + "person12");
            user.Open();
            person.Open();
            Console.WriteLine("LISTENING");
            Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
            return 0;
        }
    }
}
