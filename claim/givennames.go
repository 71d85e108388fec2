package claim

// moreGivenNames are further given names common in the news, in English
// and in the languages it transliterates most: a name that starts with one
// is a person's unless something says otherwise.
var moreGivenNames = `abdul abdullah abigail adel adnan agnes ahmad aisha akira alberto alejandro alessandro
alexei alfonso alicia alison allen alvin amir amos amelia andre andrea andreas angelo anita ann-marie
antoine antonio april archie ariel arnold arturo ashraf audrey austin ayman barack barry beatrice ben
benedict bernadette bernardo bertrand beverley bianca bill billie blake bonnie boris brad brandon brendan
brett bridget brooke bruno bryce byron caleb cameron camilla carla carlo carmen caroline carrie casey
cecilia cedric cesar charlene charlie chelsea chen cheng chloe christian christoph claude claudia clara
clarence claudio clayton clint clyde colin connor conrad constance corey courtney curtis cyril daisy
dalia damian damon danielle darius darryl dave davide deborah delia demetrius denis derrick desmond
devin diego dimitri dirk dominique doug duncan dustin dwight earl eddie edgar edith edmund eduard edwin
eileen elaine eleanor eli elias elijah elisa eliza ellen elliott elsa elton emilio emily emma enrique
erin ernest ernesto esther ethan eva evan ezra fabio faisal farah farid federico felipe felix fernando
fiona floyd forrest francesca franco françois francois frankie franz gabriela gareth garrett gavin
gemma gene geoffrey gerard gerhard gianni gilbert gina giorgio giovanni glen glenn gordon graham greta
guillermo gustavo guy hamid hannah harriet harrison hassan hector heidi heinrich helena helmut herbert
herman hiroshi horace hugh hugo humberto ibrahim ida ilene imran irene iris isaac isabella ismail
jacques jaime jake janice jared jasmine javier jay jean-claude jean-pierre jenna jerome jessie jill
jim jimmy joanna jody joel johan jolene jonah jordi jorge josé josef joy juan juanita julian juliet
junior justine kai kamal karim kate katie keith kelvin ken kenji kent khalid kirk kristen kurt lamar
lance laszlo laurie lee leila leon leroy lester lewis liam lily lindsay lionel lisa lloyd logan lorenzo
lorraine lou lucas lucia lucy luigi luke luther lydia mackenzie madison malcolm manuel marcel marcia
marco marcus margo maria marian marianne marina mario marion marjorie marlene marvin mason mateo
matthias maureen max maxine melanie melvin mia micah michel michele miguel mikhail miles milton
miriam mitch mohammad mona morgan moshe muhammad murray nadia naomi nasser neil nelson nestor nick
nicola nicole nigel nikita nina noel nora norman omar orlando otto owen pablo paolo pascal patrice
patrick patsy patti paulo pearl penelope percy perry pete philippe phoebe pierce piers quentin quincy
rafael ralph ramon randall raul reggie reza ricardo rick ricky rita rob robin rocco roderick rodrigo
roland rolf roman ronnie rory ross rowan ruben rudolf rudy rupert russell sabrina salvador sam sami
samir sandy santiago sasha saul scott sebastian selena serena sergio seth shane shannon shawn sheila
shelby shelley sherry sidney silvia simon simone sonia sophia spencer stacey stefan stefano stella
stuart sue sultan susie suzanne sven tamara tanya tara ted terrence thaddeus theo theodore thomas tim
timothy tina tobias toby tom tomas tommy tony tracy trevor troy tyrone ulrich uma umar ursula valentina
vera vernon veronica vicki viktor vince viola virgil vivian vladimir wade wallace walt warren wendell
wes wilfred wilhelm willard willis wilson winston wolf xavier yasmin yasser yitzhak yolanda yoshi
yousef yousif yuki yusuf zachary zane zelda zoltan`

func init() {
	for w := range set(moreGivenNames) {
		givenNames[w] = true
	}
}
