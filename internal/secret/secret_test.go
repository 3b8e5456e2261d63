package secret

import "testing"

func TestName(t *testing.T) {
	for name, want := range map[string]bool{
		"Password": true, "NewPassword": true, "passwordHint": true, "ClientSecret": true,
		"Ticket": true, "AccessToken": true, "ApiKey": true, "userPASSWD": true,
		"TicketId": false, "TokenType": false, "Name": false, "": false, "Passport": false,
	} {
		if got := Name(name); got != want {
			t.Errorf("Name(%q) = %v, want %v", name, got, want)
		}
	}
}
