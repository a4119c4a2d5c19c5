/**
 * Very common passwords and the words they are built from, drawn from the well-known published
 * leak lists. A password is refused if it is one of these, or one of these with digits and
 * symbols stuck on the end ("Password2024!"), because those are the first guesses of any attack.
 * Kept short on purpose: the length rule does most of the work, this catches the obvious.
 */
export const COMMON_PASSWORDS: readonly string[] = `
123456 123456789 12345678 12345 1234567 1234567890 123123 111111 000000 654321 666666 121212
112233 123321 123qwe 1q2w3e 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qazxsw2 zaq12wsx zaq1zaq1 qazwsx
qwerty qwertyuiop qwertyui qwerty123 qwertz azerty asdfgh asdfghjkl asdf1234 zxcvbn zxcvbnm
qweasd qweasdzxc asdasd qwe123 abc123 abcd1234 a1b2c3 aa123456 1234qwer q1w2e3r4 q1w2e3r4t5
password passw0rd p@ssw0rd p@ssword pass pass123 password1 password12 password123 passwort
motdepasse contrasena wachtwoord salasana haslo parola senha lozinka
iloveyou iloveu loveyou lovely loveme love123 ilovegod jesus jesuschrist christ blessed
welcome welcome1 letmein letmein1 trustno1 secret secret123 changeme changeit default guest
admin admin123 administrator root toor master master123 login user test test123 testing
monkey dragon shadow sunshine princess football baseball soccer hockey basketball cricket rugby
superman batman spiderman starwars pokemon minecraft fortnite roblox naruto
michael jennifer jessica ashley amanda daniel charlie thomas robert andrew joshua matthew
jordan hunter harley ranger buster tigger summer winter autumn spring flower freedom
whatever nothing ginger cookie chocolate banana orange apple cheese pepper hello hello123
killer hannah maggie sophie thunder diamond silver golden purple yellow
computer internet samsung google facebook instagram twitter linkedin microsoft windows
mustang ferrari porsche corvette yamaha harley1 chelsea arsenal liverpool everton
manchester manutd united tottenham celtic rangers newcastle leeds
london england britain scotland wales ireland europe america canada australia
lancashire worcestershire essex council county district school teacher nurse doctor
family children parent parents mother father mummy daddy baby angel angels
heard heardsend send sendteam ehcp localoffer inspection ofsted
qwerty1 qwerty12 123abc abc12345 zxcv1234 pass1234 access access14 letmein2
michelle nicole daniel1 andrea melissa jasmine natasha samantha victoria elizabeth
charlotte emily olivia amelia isla grace lily freddie oliver george harry jack jacob
football1 baseball1 superstar rockstar mylove mybaby myspace password! qwerty!
1qaz!qaz !qaz2wsx zaq!2wsx 1q2w3e4r5t6y 1q2w3e4r5t6y7u 123456a 123456q a123456 q123456
123654 147258 147258369 159753 159357 741852963 987654321 9876543210 11111111 22222222
88888888 99999999 00000000 12341234 12121212 11223344 12344321 13579 24680 696969 131313
asdfasdf qwerqwer zxczxc aaaaaa abcdef abcdefg abcdefgh abcdefghij alpha bravo charlie1
delta echo foxtrot omega sierra tango zulu
trinity matrix phoenix genesis warrior knight wizard dragon1 viking pirate ninja samurai
soccer1 hockey1 tennis golfer golf skater surfer biker runner swimmer
whatever1 nothing1 anything something everything forever forever1 always never
sunshine1 princess1 monkey1 shadow1 master1 superman1 batman1 michael1 jordan23
starwars1 pokemon1 computer1 internet1 welcome123 welcome2024 summer2024 winter2024
spring2024 autumn2024 january february march april may june july august september
october november december monday tuesday wednesday thursday friday saturday sunday
changeme123 temp temp123 temporary newpassword mypassword yourpassword passwordpassword
qwertyqwerty asdfghjkl123 qwertyuiop123 1234567890qwerty abcdefghijkl abc123abc123
letmeinnow opensesame nopassword blank empty none null undefined secure security
privacy private public office work business company manager support service helpdesk
`
	.split(/\s+/)
	.filter(Boolean);
