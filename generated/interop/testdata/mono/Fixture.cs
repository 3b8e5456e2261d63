// The values of the cases (see ../../cases_test.go).
using System;
using System.Globalization;

namespace Interop
{
    public static class Fixture
    {
        public static User User()
        {
            var others = new ArrayOfUserGroup();
            others.Add(new UserGroup { Value = "Support", Id = 2 });
            others.Add(null);
            others.Add(new UserGroup { TableRight = new TableRight { Mask = ETableRight.Select }, Value = "Ops", Id = 3 });
            var extra = new StringDictionary();
            extra.Add("a", "1");
            extra.Add("empty", "");
            extra.Add("none", null);
            return new User
            {
                TableRight = new TableRight { Mask = ETableRight.Select | ETableRight.Delete, Reason = null },
                AssociateId = 42,
                Name = "  Ada  Lovelace ",
                Rank = 3,
                Tooltip = "line1\r\nline2\ttab <&>",
                Role = new Role { Id = 7, Value = "Admin", Tooltip = null },
                UserGroup = new UserGroup { Value = "Sales", Id = 1, Rank = 2, Deleted = false },
                OtherGroups = others,
                Deleted = false,
                // A DateTime holds no offset: +01:00 becomes local time.
                Lastlogin = DateTime.Parse("2025-11-26T12:08:54.1234567+01:00", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Lastlogout = DateTime.Parse("2025-11-26T18:30:05.5", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                EjUserId = 0,
                RequestSignature = null,
                Type = UserType.InternalAssociate,
                UserName = "ada",
                ExtraFields = extra,
            };
        }

        public static void Headers(RequestHeaders h)
        {
            h.ApplicationToken = "app-token";
            h.Credentials = new SoCredentials { Ticket = "7T:ticket==" };
            h.TimeZone = new SoTimeZone { SoTimeZoneId = 7, SoTimeZoneLocationCode = "NOOSL" };
        }

        public static byte[] Image(bool up)
        {
            var b = new byte[256];
            for (int i = 0; i < 256; i++) b[i] = (byte)(up ? i : 255 - i);
            return b;
        }
    }
}
