package claim

import (
	_ "embed"
	"strings"
)

// The lexicons below are general knowledge about English news text: titles,
// countries and their adjectives, news agencies, speech verbs, number words.
// None of them is about one story.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[strings.ReplaceAll(w, "_", " ")] = true
	}
	return m
}

// titleWords are words of a role or title ("Prime Minister", "special envoy").
var titleWords = set(`president minister chancellor secretary general envoy spokesperson spokesman
spokeswoman chief head leader ambassador governor mayor senator king queen prince princess pope
commissioner director chairman chairwoman chair ceo adviser advisor commander admiral prosecutor
premier deputy vice prime special representative officer official speaker sheikh emir colonel
lieutenant captain sergeant sir lord lady bishop cardinal congressman congresswoman lawmaker
coordinator negotiator mediator presidential foreign defence defense interior finance staff
economy justice health trade energy treasury attorney judge founder owner chairperson
president-elect minister-designate executive counsel undersecretary under-secretary diplomat
spy-chief army navy opposition party actor actress comedian singer rapper coach manager
producer anchor reporter editor lawyer detective sheriff professor analyst economist scientist
researcher investor pastor rabbi imam activist host striker quarterback goalkeeper midfielder
defender forward guard star musician novelist author writer filmmaker designer chef
entrepreneur billionaire astronaut`)

// titleHeads are the words that end a title and make what precedes a role.
var titleHeads = set(`president minister chancellor secretary general envoy spokesperson spokesman
spokeswoman chief head leader ambassador governor mayor senator king queen prince princess pope
commissioner director chairman chairwoman chair ceo adviser advisor commander admiral prosecutor
premier representative speaker sheikh emir colonel lieutenant captain sergeant sir lord lady
bishop cardinal congressman congresswoman lawmaker coordinator negotiator mediator staff attorney
judge founder chairperson president-elect undersecretary diplomat actor actress comedian singer
rapper coach manager producer anchor reporter editor lawyer detective sheriff professor analyst
economist scientist researcher investor pastor rabbi imam activist host striker quarterback
goalkeeper midfielder defender star musician novelist author writer filmmaker designer chef
entrepreneur billionaire astronaut`)

// portfolios are ministerial portfolios: two different ones for one person
// are a role conflict.
var portfolios = set(`foreign defence defense interior finance health justice economy economic
agriculture education energy trade transport environment labour labor culture treasury home
digital industry tourism sport sports housing immigration security intelligence`)

// countries maps a country, capital or continent (lower case) to its
// canonical name; demonyms maps adjectives to the country.
var countries = map[string]string{}
var demonyms = map[string]string{}

func init() {
	// country|demonym,demonym|capital,capital
	for _, line := range strings.Split(countryData, "\n") {
		f := strings.Split(strings.TrimSpace(line), "|")
		if len(f) < 1 || f[0] == "" {
			continue
		}
		names := strings.Split(f[0], ",")
		canon := names[0]
		for _, n := range names {
			countries[strings.ToLower(n)] = canon
		}
		if len(f) > 1 {
			for _, d := range strings.Split(f[1], ",") {
				if d != "" {
					demonyms[strings.ToLower(d)] = canon
				}
			}
		}
		if len(f) > 2 {
			for _, c := range strings.Split(f[2], ",") {
				if c != "" {
					countries[strings.ToLower(c)] = c
				}
			}
		}
	}
}

const countryData = `United States,US,U.S.,USA,U.S.A.,America,United States of America|American,U.S.,US|Washington
United Kingdom,UK,U.K.,Britain,Great Britain|British,UK,U.K.|London
France|French|Paris
Germany|German|Berlin
Italy|Italian|Rome
Spain|Spanish|Madrid
Portugal|Portuguese|Lisbon
Netherlands,Holland|Dutch|Amsterdam,The Hague
Belgium|Belgian|Brussels
Luxembourg|Luxembourgish|
Switzerland|Swiss|Bern,Geneva,Zurich
Austria|Austrian|Vienna
Poland|Polish|Warsaw
Czech Republic,Czechia|Czech|Prague
Slovakia|Slovak|Bratislava
Hungary|Hungarian|Budapest
Romania|Romanian|Bucharest
Bulgaria|Bulgarian|Sofia
Greece|Greek|Athens
Turkey,Türkiye|Turkish|Ankara,Istanbul
Cyprus|Cypriot|Nicosia
Malta|Maltese|Valletta
Ireland|Irish|Dublin
Denmark|Danish|Copenhagen
Norway|Norwegian|Oslo
Sweden|Swedish|Stockholm
Finland|Finnish|Helsinki
Iceland|Icelandic|Reykjavik
Estonia|Estonian|Tallinn
Latvia|Latvian|Riga
Lithuania|Lithuanian|Vilnius
Ukraine|Ukrainian|Kyiv,Kiev,Odesa,Odessa,Kharkiv,Lviv
Russia,Russian Federation|Russian|Moscow,St Petersburg
Belarus|Belarusian|Minsk
Moldova|Moldovan|Chisinau
Georgia|Georgian|Tbilisi
Armenia|Armenian|Yerevan
Azerbaijan|Azerbaijani|Baku
Serbia|Serbian|Belgrade
Croatia|Croatian|Zagreb
Slovenia|Slovenian|Ljubljana
Bosnia|Bosnian|Sarajevo
Albania|Albanian|Tirana
Kosovo|Kosovar|Pristina
Montenegro|Montenegrin|Podgorica
North Macedonia,Macedonia|Macedonian|Skopje
Canada|Canadian|Ottawa,Toronto,Montreal
Mexico|Mexican|Mexico City
Brazil|Brazilian|Brasilia,Sao Paulo,Rio de Janeiro
Argentina|Argentine,Argentinian|Buenos Aires
Chile|Chilean|Santiago
Colombia|Colombian|Bogota
Peru|Peruvian|Lima
Venezuela|Venezuelan|Caracas
Cuba|Cuban|Havana
Australia|Australian|Canberra,Sydney,Melbourne
New Zealand|New Zealander|Wellington
Japan|Japanese|Tokyo
China|Chinese|Beijing,Shanghai,Hong Kong
Taiwan|Taiwanese|Taipei
South Korea,Korea|South Korean,Korean|Seoul
North Korea|North Korean|Pyongyang
India|Indian|New Delhi,Delhi,Mumbai
Pakistan|Pakistani|Islamabad
Afghanistan|Afghan|Kabul
Iran|Iranian|Tehran
Iraq|Iraqi|Baghdad
Syria|Syrian|Damascus
Lebanon|Lebanese|Beirut
Israel|Israeli|Jerusalem,Tel Aviv
Palestine|Palestinian|Gaza,Ramallah
Jordan|Jordanian|Amman
Egypt|Egyptian|Cairo
Saudi Arabia|Saudi|Riyadh
Qatar|Qatari|Doha
United Arab Emirates,UAE|Emirati|Abu Dhabi,Dubai
Yemen|Yemeni|Sanaa
Oman|Omani|Muscat
Kuwait|Kuwaiti|
Libya|Libyan|Tripoli
Tunisia|Tunisian|Tunis
Algeria|Algerian|Algiers
Morocco|Moroccan|Rabat
Nigeria|Nigerian|Abuja,Lagos
South Africa|South African|Pretoria,Johannesburg,Cape Town
Kenya|Kenyan|Nairobi
Ethiopia|Ethiopian|Addis Ababa
Sudan|Sudanese|Khartoum
Indonesia|Indonesian|Jakarta
Somalia|Somali,Somalian|Mogadishu
South Sudan|South Sudanese|Juba
Eritrea|Eritrean|Asmara
Djibouti|Djiboutian|
Uganda|Ugandan|Kampala
Tanzania|Tanzanian|Dodoma,Dar es Salaam
Rwanda|Rwandan|Kigali
Burundi|Burundian|Gitega
Democratic Republic of the Congo,DR Congo,DRC,Congo|Congolese|Kinshasa
Angola|Angolan|Luanda
Zambia|Zambian|Lusaka
Zimbabwe|Zimbabwean|Harare
Mozambique|Mozambican|Maputo
Malawi|Malawian|Lilongwe
Madagascar|Malagasy|Antananarivo
Namibia|Namibian|Windhoek
Botswana|Botswanan|Gaborone
Ghana|Ghanaian|Accra
Ivory Coast,Cote d'Ivoire|Ivorian|Abidjan,Yamoussoukro
Senegal|Senegalese|Dakar
Mali|Malian|Bamako
Niger|Nigerien|Niamey
Chad|Chadian|N'Djamena
Cameroon|Cameroonian|Yaounde
Burkina Faso|Burkinabe|Ouagadougou
Guinea|Guinean|Conakry
Sierra Leone|Sierra Leonean|Freetown
Liberia|Liberian|Monrovia
Mauritania|Mauritanian|Nouakchott
Central African Republic||Bangui
Gabon|Gabonese|Libreville
Bahrain|Bahraini|Manama
Bangladesh|Bangladeshi|Dhaka
Sri Lanka|Sri Lankan|Colombo
Nepal|Nepalese,Nepali|Kathmandu
Myanmar,Burma|Burmese|Naypyidaw,Yangon
Cambodia|Cambodian|Phnom Penh
Laos|Laotian,Lao|Vientiane
Mongolia|Mongolian|Ulaanbaatar
Uzbekistan|Uzbek|Tashkent
Turkmenistan|Turkmen|Ashgabat
Kyrgyzstan|Kyrgyz|Bishkek
Tajikistan|Tajik|Dushanbe
Azerbaijan|Azerbaijani,Azeri|Baku
Papua New Guinea|Papua New Guinean|Port Moresby
Fiji|Fijian|Suva
Cuba|Cuban|Havana
Haiti|Haitian|Port-au-Prince
Dominican Republic|Dominican|Santo Domingo
Jamaica|Jamaican|Kingston
Guatemala|Guatemalan|Guatemala City
Honduras|Honduran|Tegucigalpa
El Salvador|Salvadoran|San Salvador
Nicaragua|Nicaraguan|Managua
Costa Rica|Costa Rican|San Jose
Panama|Panamanian|Panama City
Ecuador|Ecuadorian|Quito
Bolivia|Bolivian|La Paz,Sucre
Paraguay|Paraguayan|Asuncion
Uruguay|Uruguayan|Montevideo
Serbia|Serbian,Serb|Belgrade
Croatia|Croatian,Croat|Zagreb
Bosnia and Herzegovina,Bosnia|Bosnian|Sarajevo
Slovenia|Slovenian,Slovene|Ljubljana
Montenegro|Montenegrin|Podgorica
North Macedonia,Macedonia|Macedonian|Skopje
Albania|Albanian|Tirana
Kosovo|Kosovar|Pristina
Philippines|Filipino,Philippine|Manila
Vietnam|Vietnamese|Hanoi
Thailand|Thai|Bangkok
Malaysia|Malaysian|Kuala Lumpur
Singapore|Singaporean|
Kazakhstan|Kazakh|Astana
Europe|European|
Asia|Asian|
Africa|African|
Alaska||
Crimea||
Donbas||
Kursk||`

// agencies are news agencies; a credit to one is of kind agency.
var agencies = set(`reuters ap associated_press afp agence_france-presse bloomberg tass ria ria_novosti
interfax xinhua dpa ansa efe kyodo yonhap pti upi ukrinform unian anadolu sputnik`)

// orgSuffixes make a capitalised sequence an organisation.
var orgSuffixes = set(`commission council ministry times post journal news agency house office union party
parliament assembly committee department bank fund organization organisation forces army navy
company group inc corp ltd university court senate congress kremlin pentagon gazette press
tribune herald guardian telegraph observer review magazine network channel radio tv television
institute foundation summit images security alliance coalition bureau service services authority police government cabinet
federation league club association corporation airlines agency nato ministry's spiegel monde
independent express mirror courier ledger daily weekly chronicle globe standard today
guard coastguard board lines ferries airways railways railway shipping council brigade corps fleet trust
nations limited telecom telecommunications communications survey facilities systems technologies
industries holdings partners advisors advisers associates enterprises distribution distributors solutions
networks laboratories labs pharmaceuticals motors petroleum church hospital school college academy
center centre co hotel hotels resort casino museum theatre theater products
films pictures studios records financial entertainment media foods brands insurance securities
investments ventures logistics chemicals electric electronics energy bancorp crescent
conference division program programme`)

// placeSuffixes make a capitalised sequence a place.
var placeSuffixes = set(`palace square street avenue city river island islands sea ocean mountains
region province district county airport base bridge road boulevard lane highway parkway plaza ranch
valley lake peninsula bay gulf strait desert canyon village fault stadium arena
heights township towers tower hills springs falls beach gardens`)

// placeNouns name a kind of place: "the city of X", "the X camp".
var placeNouns = set(`city town village camp province region district county island islands state
port suburb neighbourhood neighborhood capital municipality area refugee cities towns villages camps
provinces regions districts counties states suburbs areas`)

// stopCaps are capitalised words that do not start a name.
var stopCaps = set(`the a an after before on in at while with meanwhile however still following during
it he she they we i you this that these those but and or as if when why what who whom which where
many some multiple several both all each every most more other others no not yet so then there here
also according despite although though because since until unless for from to of by about into
over under between among amid his her their our its my your one two three four five six seven
eight nine ten monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december today yesterday tomorrow earlier later
last next new mr mrs ms dr read watch even nobody everyone everybody someone somebody anyone
anybody none nothing something everything see photo video live update updated breaking related share
click follow subscribe advertisement sponsored western eastern northern southern officials leaders
participants discussions allies talks reports report sources source`)

// timeZones are not names: "10:30 GMT".
var timeZones = set(`gmt utc est edt pst pdt cst cdt mst mdt bst cet cest eet`)

// speechVerbs introduce a quote or a reported statement.
var speechVerbs = set(`said says say stated states added adds told tells insisted insists noted notes
declared declares announced announces explained explains warned warns wrote writes argued argues
claimed claims asserted asserts stressed stresses emphasized emphasised emphasizes remarked remarks
replied replies responded responds commented comments continued continues concluded concludes
acknowledged acknowledges admitted admits confirmed confirms urged urges asked asks posted posts
tweeted tweets recalled recalls observed observes suggested suggests predicted predicts
stating saying adding telling insisting noting declaring announcing explaining warning arguing
claiming stressing emphasizing emphasising urging`)

// irregular maps irregular verb forms to their lemma; regular forms are stemmed.
var irregular = map[string]string{
	"left": "leave", "leaves": "leave", "leaving": "leave", "met": "meet", "meets": "meet",
	"held": "hold", "holds": "hold", "said": "say", "says": "say", "took": "take", "taken": "take",
	"went": "go", "gone": "go", "goes": "go", "came": "come", "comes": "come", "led": "lead", "leads": "lead",
	"sent": "send", "spent": "spend", "spoke": "speak", "spoken": "speak", "told": "tell", "gave": "give",
	"given": "give", "made": "make", "makes": "make", "won": "win", "lost": "lose", "fell": "fall",
	"fallen": "fall", "rose": "rise", "risen": "rise", "saw": "see", "seen": "see", "knew": "know",
	"known": "know", "thought": "think", "brought": "bring", "bought": "buy", "built": "build",
	"began": "begin", "begun": "begin", "ran": "run", "struck": "strike", "stood": "stand", "hit": "hit",
	"cut": "cut", "put": "put", "set": "set", "shut": "shut", "quit": "quit", "chose": "choose",
	"drew": "draw", "drawn": "draw", "flew": "fly", "flown": "fly", "fought": "fight", "found": "find",
	"killed": "kill", "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "had": "have",
	"has": "have", "did": "do", "does": "do", "done": "do", "got": "get", "wrote": "write", "written": "write",
	"kept": "keep", "felt": "feel", "paid": "pay", "sold": "sell", "sought": "seek", "caught": "catch",
	"taught": "teach", "withdrew": "withdraw", "withdrawn": "withdraw", "ate": "eat", "hid": "hide",
	"lasted": "last", "lasts": "last", "lasting": "last", "attended": "attend", "attends": "attend",
	"attending": "attend", "chaired": "chair", "headed": "head", "hosted": "host", "rejoined": "rejoin",
	"returned": "return", "joined": "join", "arrived": "arrive", "departed": "depart", "stayed": "stay",
	"quitted": "quit", "walked": "walk", "died": "die", "dies": "die", "fled": "flee", "bled": "bleed",
	"sped": "speed", "tied": "tie", "used": "use", "owed": "owe", "fed": "feed", "broke": "break",
	"burned": "burn", "burnt": "burn",
}

// verbish are common verbs that do not end in -ed but head news clauses.
var verbish = set(`left met held said took went came led sent spent spoke told gave made won lost fell
rose saw knew thought brought bought built began ran struck stood hit cut put shut chose drew flew
fought found wrote kept felt paid sold sought caught withdrew lasted lasts leaves meets holds says
includes include included brings bring attend attends is are was were has have had will would can
could may might must shall should did does do`)

// negators turn a clause's statement into its negation.
var negators = set(`not never no n't didn't wasn't weren't isn't aren't hasn't haven't hadn't won't
wouldn't couldn't cannot can't doesn't don't unable failed declined refused skipped`)

// distinctEvent words mark a different event than the main one.
var distinctEvent = set(`separate another second third other earlier later previous subsequent
follow-up bilateral private side sideline sidelines next first initial`)

// partWords before a value make it a part or a subset of another figure.
var partWords = set(`including first last final top opening remaining additional extra another other
initial further`)

// opinionMarkers make a sentence an opinion rather than a claim.
var opinionMarkers = set(`i we you think believe should ought must opinion hope feel perhaps maybe
arguably`)

// boilerplateWords mark a sentence that is not news.
var boilerplateWords = set(`subscribe newsletter advertisement sponsored click follow share copyright
cookies sign-up signup unsubscribe inbox`)

// numberWords are spelled-out numbers.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
	"hundreds": 200, "thousands": 2000, "half": 0.5,
}

// multipliers scale a preceding number.
var multipliers = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6,
}

// durations are time units in seconds.
var durations = map[string]float64{
	"second": 1, "seconds": 1, "sec": 1, "secs": 1, "minute": 60, "minutes": 60, "min": 60, "mins": 60,
	"hour": 3600, "hours": 3600, "hr": 3600, "hrs": 3600, "day": 86400, "days": 86400,
	"week": 604800, "weeks": 604800, "month": 2629800, "months": 2629800, "year": 31557600, "years": 31557600,
}

// unitSynonyms normalise counted nouns.
var unitSynonyms = map[string]string{
	"nation": "country", "state": "country", "people": "person", "persons": "person", "individual": "person",
	"men": "person", "women": "person", "children": "child", "troops": "soldier", "troop": "soldier",
	"soldiers": "soldier", "civilians": "civilian", "percent": "percent", "per": "percent",
}

var currencies = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
	"pounds": "GBP", "pound": "GBP", "rubles": "RUB", "roubles": "RUB", "yen": "JPY", "yuan": "CNY",
	"hryvnias": "UAH",
}

// givenNames are common given names: a name starting with one is a
// person's unless something says otherwise. The nickname groups count too.
var givenNames = set(`aaron adam adrian alan albert alice allison amanda amy ana andrea angela anna anne ann
annie arthur ashley barbara benjamin beth betty beverly billy bobby brandon brenda brian bruce bryan
carl carlos carol caroline catherine charlotte cheryl christina christine cindy claire craig crystal
cynthia dale dana danielle darren dean debra denise dennis derek diana diane donna doris dorothy douglas
dylan eduardo elena eric erica eugene evelyn frances francis frank gary george gerald gloria grace
harold harry heather helen henry howard ian isabel jack jacqueline janet janice jason jean jeremy jerry
jesse jessica joan joanne johanna jonathan jordan jorge jose joyce juan judith judy julia julie justin
karen karl katarina keith kelly kevin kim kyle laura lauren leah leonard leslie lilly linda lois louis
louise luis lynn marco margarita maria marie marilyn mario mark marta martha martin mary maurice
megan melissa michelle miguel monica nancy natalie nathan nicole noah norma olga oliver olivia oscar
pamela paul paula pedro philip phillip rachel ralph randy raymond regina roger rosa rose roy ruth
ryan sandra sara sarah scott sean sharon shirley sophie stanley stephanie suzanne sylvia tammy teresa
terry theresa tiffany todd travis tyler valerie vanessa victor victoria vincent virginia walter wayne
wendy willie xavier yvonne zoe eero ingrid lars erik anders nils olav sven astrid
hans jurgen klaus wolfgang giulia giuseppe francesco marco luca pierre jean francois marie sophie
mohamed ahmed ali hassan omar fatima yusuf ivan igor olena oksana natalia tatiana
chad georgia india sydney florence paris`)

// nicknames maps given names to a shared key (Steve/Steven/Stephen).
var nicknames = map[string]string{}

func init() {
	groups := []string{
		"steven steve stephen stevie", "robert rob bob bobby robbie", "william will bill billy willie",
		"richard rick dick richie", "james jim jimmy jamie", "john jon johnny jack", "michael mike mick mikhail",
		"thomas tom tommy", "joseph joe joey", "charles charlie chuck", "edward ed eddie ted ned",
		"christopher chris", "daniel dan danny", "david dave", "anthony tony antony", "andrew andy andriy andrii andrei andrey",
		"alexander alex alexandr oleksandr aleksandr sasha", "nicholas nick nicolas mykola nikolai", "benjamin ben benny",
		"samuel sam", "matthew matt", "patrick pat", "peter pete petr pyotr petro", "ronald ron ronnie",
		"donald don donnie", "gregory greg", "jeffrey jeff geoffrey", "kenneth ken kenny", "lawrence larry laurence",
		"elizabeth liz beth betty lisa", "katherine kate kathy catherine katie kathryn", "margaret maggie meg peggy",
		"jennifer jen jenny", "rebecca becky", "susan sue", "deborah debbie deb", "patricia pat patty tricia",
		"volodymyr vladimir volodimir wolodymyr", "sergei sergey serhiy serhii", "dmitry dmitri dmytro",
		"yuri yury yuriy iurii", "mohammed muhammad mohammad mohamed", "joshua josh", "timothy tim",
		"frederick fred freddie friedrich", "emmanuel manu", "olaf olav", "jacob jake", "zachary zach zack",
	}
	for _, g := range groups {
		ws := strings.Fields(g)
		for _, w := range ws {
			nicknames[w] = ws[0]
		}
	}
	// every group a name belongs to: "mo" is Maurice's and Mohammed's
	for i, g := range append(groups, moreNicknames...) {
		ws := strings.Fields(g)
		for _, w := range ws {
			if _, ok := nicknames[w]; !ok {
				nicknames[w] = ws[0]
			}
			nickGroups[w] = append(nickGroups[w], i)
		}
	}
}

// nickGroups maps a given name to the indexes of its nickname groups.
var nickGroups = map[string][]int{}

// moreNicknames are further common nicknames and transliterations of given
// names, one group per line's entry, the formal name first.
var moreNicknames = []string{
	"albert al bert", "alan al allan allen", "alfred alf fred", "angela angie", "barbara barb babs",
	"bernard bernie", "bradley brad", "calvin cal", "cynthia cindy", "dorothy dot dottie",
	"douglas doug", "eugene gene", "francis frank fran", "gerald gerry jerry", "harold hal harry",
	"henry hank harry", "jacqueline jackie", "janet jan", "josephine jo josie", "judith judy",
	"kimberly kim", "leonard leo len lenny", "louis lou", "madeline madeleine madelyn madelaine maddie maddy",
	"maurice mo", "mohammed mo", "mitchell mitch", "nathaniel nathan nate", "pamela pam",
	"philip phillip phil", "raymond ray", "reginald reg reggie", "rosemary rosie", "russell russ",
	"samantha sam", "stanley stan", "theodore theo ted teddy", "vincent vince vinny", "victoria vicky tori",
	"walter walt", "wesley wes", "gabriel gabe", "abraham abe", "christine chris chrissy", "christina chris tina",
	"cassandra cassie", "valerie val", "frances fran", "terence terry", "teresa terry tess", "dominic dom",
	"nathan nate", "jonathan jon", "benedict ben", "ignatius iggy", "maximilian max", "maxwell max",
	"augustus gus", "herbert herb", "montgomery monty", "cornelius neil", "ezekiel zeke", "randolph randy",
	"rodney rod", "roderick rod", "clifford cliff", "lorenzo enzo", "jeremiah jeremy", "susanna susan susie",
	"ioannis giannis yiannis yannis", "georgios giorgos yiorgos george", "konstantinos kostas costas constantine",
	"nikolaos nikos", "dimitrios dimitris demetrios", "vasileios vasilis basil", "athanasios thanasis",
	"khaled khalid", "ahmed ahmad", "hussein husain hussain", "abdullah abdallah", "osama usama", "omar umar",
	"yusuf yousef youssef yousuf", "mahmoud mahmud", "mustafa mustapha", "hassan hasan",
}

// RolePortfolio returns the head of a ministerial role ("minister",
// "secretary") and the portfolios it names ("Interior Minister" ->
// "minister", [interior]); head is "" for other roles.
func RolePortfolio(role string) (head string, ports []string) {
	words := strings.Fields(strings.ToLower(strings.ReplaceAll(role, "’s", "")))
	for _, w := range words {
		w = strings.Trim(w, ".,")
		switch {
		case w == "minister" || w == "secretary":
			head = w
		case portfolios[w]:
			ports = append(ports, w)
		}
	}
	if head == "" {
		return "", nil
	}
	return head, ports
}

// IsCountry reports whether name is a country or continent (not a city).
func IsCountry(name string) bool {
	c, ok := countries[strings.ToLower(name)]
	if !ok {
		return false
	}
	_, isCountry := countries[strings.ToLower(c)]
	return isCountry && strings.EqualFold(countries[strings.ToLower(c)], c) && !isCapital[strings.ToLower(name)]
}

var isCapital = map[string]bool{}

func init() {
	for _, line := range strings.Split(countryData, "\n") {
		f := strings.Split(strings.TrimSpace(line), "|")
		if len(f) > 2 {
			for _, c := range strings.Split(f[2], ",") {
				if c != "" {
					isCapital[strings.ToLower(c)] = true
				}
			}
		}
	}
}

//go:embed data/aliases.txt
var aliasesText string

// knownAliases maps a lower-case name to the first name of its line in
// data/aliases.txt.
var knownAliases = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(aliasesText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		names := strings.Split(line, "|")
		for _, n := range names {
			m[strings.ToLower(strings.TrimSpace(n))] = names[0]
		}
	}
	return m
}()

// KnownAlias returns the name a well-known other name stands for
// ("Salonika" -> "Thessaloniki", "Sixers" -> "76ers"), or "".
func KnownAlias(name string) string {
	return knownAliases[strings.ToLower(strings.TrimSpace(name))]
}
