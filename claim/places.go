package claim

import "strings"

// knownPlaces are places the news names often enough that a capitalised
// name is one without any cue: US states and their postal abbreviations
// as datelines write them, Canadian provinces, regions and large cities.
// The countries and capitals of lexicon.go are known too.
var knownPlaces = set(`alabama alaska arizona arkansas california colorado connecticut delaware florida
georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada new_hampshire new_jersey new_mexico
new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania rhode_island south_carolina
south_dakota tennessee texas utah vermont virginia washington_state west_virginia wisconsin wyoming
ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. ky. la. md. mass. mich. minn.
miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn.
tex. vt. va. wash. wis. wyo.
ontario quebec alberta manitoba saskatchewan nova_scotia new_brunswick newfoundland british_columbia
new_york_city los_angeles chicago houston phoenix philadelphia san_antonio san_diego dallas
san_francisco boston seattle denver detroit atlanta miami baltimore las_vegas new_orleans
st._louis st_louis pittsburgh cleveland cincinnati minneapolis portland sacramento salt_lake_city
vancouver calgary edmonton winnipeg b.c. ont. que. alta. man. sask. n.s.
manchester birmingham liverpool glasgow edinburgh belfast cardiff marseille lyon munich hamburg
frankfurt cologne milan naples barcelona seville porto rotterdam antwerp st_petersburg
karachi lahore kolkata chennai bangalore hyderabad dhaka colombo kathmandu yangon ho_chi_minh_city
osaka kyoto busan guangzhou shenzhen hong_kong macau
alexandria giza mosul basra aleppo homs benghazi mogadishu khartoum juba darfur kordofan
lagos kano dakar accra kinshasa luanda harare durban casablanca tangier
sao_paulo rio_de_janeiro montevideo quito la_paz guadalajara monterrey tijuana
middle_east far_east near_east southeast_asia south_east_asia south_asia central_asia east_asia
latin_america north_america south_america central_america the_caribbean caribbean balkans
scandinavia the_gulf persian_gulf mediterranean arctic antarctica pacific atlantic
gaza_strip west_bank golan_heights kashmir tibet xinjiang siberia chechnya kurdistan
sub-saharan_africa sahara sahel horn_of_africa`)

// KnownPlace reports whether the gazetteer knows name: a country, a
// capital, a continent, a US state, a region or a large city.
func KnownPlace(name string) bool {
	k := strings.ToLower(strings.TrimSpace(name))
	return countries[k] != "" || knownPlaces[k] || knownPlaces[strings.TrimPrefix(k, "the ")]
}
