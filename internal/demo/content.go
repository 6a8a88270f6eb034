package demo

// The demo newsroom's content. Every person, quotation and event below is
// fictional and written for this demonstration; places are real.

type authorSeed struct {
	Name, Slug, Bio string
}

type sectionSeed struct {
	Name, Slug, Description string
}

type pictureSeed struct {
	Scene   string // one of: "city", "mountains", "sea", "fields", "market", "crowd"
	Palette int    // 0..5, picks the colour scheme
	Alt     string // describes what the generated picture shows, for screen readers
	Caption string
	Credit  string
}

type articleSeed struct {
	Headline     string
	Standfirst   string   // one or two sentences
	Body         string   // Markdown
	Section      string   // section slug
	Tags         []string // tag names
	Authors      []string // author slugs, in byline order
	Dateline     string   // place name
	Language     string   // BCP 47: "en", "fa-AF" (Dari), "ps" (Pashto)
	HoursAgo     int      // how long before the seed time it was published
	Lead         bool     // exactly one article is the front page lead
	CommentsOpen bool
	Picture      pictureSeed
}

type pageSeed struct {
	Slug, Title, Body string // Body is Markdown
}

const credit = "Generated illustration"

var authors = []authorSeed{
	{
		Name: "Soraya Noorzai",
		Slug: "soraya-noorzai",
		Bio: "Soraya Noorzai reports on Afghanistan in English, Dari and Pashto, with a particular interest in water, " +
			"livelihoods and the lives of families returning from abroad. She began her career as a radio producer in Herat.",
	},
	{
		Name: "Daniel Whitcombe",
		Slug: "daniel-whitcombe",
		Bio: "Daniel Whitcombe edits the desk and writes about diplomacy, humanitarian aid and climate policy. " +
			"He has reported from South and Central Asia, the Gulf and East Africa for two decades.",
	},
}

var sections = []sectionSeed{
	{Name: "World", Slug: "world", Description: "Diplomacy, conflict and the people caught up in them, beyond the headlines."},
	{Name: "Afghanistan", Slug: "afghanistan", Description: "Reporting from across Afghanistan, in English, Dari and Pashto."},
	{Name: "Climate", Slug: "climate", Description: "Water, heat, drought and floods: how a changing climate reshapes daily life."},
}

var articles = []articleSeed{
	{
		Headline:   "Rebuilt canal brings water back to farms west of Mazar-i-Sharif",
		Standfirst: "A village-led repair of a 19-kilometre irrigation channel has returned water to fields left fallow for most of a decade. Farmers say the harder task will be sharing it.",
		Body: `For the first time in nine years, water ran this week along the full length of an old irrigation canal west of Mazar-i-Sharif, reaching wheat fields and orchards at its tail end that had been left to the dust.

The channel, dug more than a century ago to carry water from the Balkh river system, had silted up and collapsed in several places after years of drought and neglect. Repairs began last autumn, organised by the councils of eleven villages along its route and paid for partly by a small aid grant and partly by the farmers themselves, who contributed labour in place of cash.

"My father planted here, and then for years we planted nothing," said Ghulam Sakhi, 58, standing at the edge of a field where the first green shoots of wheat were showing. "Now we can at least try."

## Sharing the flow

The more difficult question, villagers say, is how the water will be divided. Under an arrangement agreed in the spring, each village receives water on a fixed rotation, overseen by a **mirab**, the traditional water master elected by the farmers.

Nasrullah Qaderi, who has served as mirab for two years, said the rotation had been calculated according to land area, but that disputes were inevitable in a dry year.

> "When the water is little, every family thinks its turn is too short. My work is to keep the count honest, and to be seen keeping it."

Engineers involved in the project said the canal could irrigate roughly 2,400 hectares in a normal year, though flows would fall sharply in late summer.

## What comes next

Farmers list three immediate needs:

- lining the worst-leaking stretches with stone, to reduce losses into the sand;
- replacing wooden sluice gates that warp in the heat;
- training younger farmers in the upkeep the canal needs every spring.

Farida Rahimi, an agronomist who advises several of the village councils, said the project showed what communities could achieve with modest outside support, but warned against treating it as an answer to a wider crisis. "A canal moves water. It does not make more of it," she said. "The snow in the mountains decides what kind of year this will be."

For now, the mood along the channel is cautious. In the village at its tail end, children followed the first trickle of water for several hundred metres, and older men stood by the sluice gate well into the evening, watching the level rise.

Our reporting on water is paid for by readers. [Find out how to support it](/support/).`,
		Section:      "afghanistan",
		Tags:         []string{"Water", "Agriculture", "Drought"},
		Authors:      []string{"soraya-noorzai", "daniel-whitcombe"},
		Dateline:     "Mazar-i-Sharif",
		Language:     "en",
		HoursAgo:     3,
		Lead:         true,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "fields", Palette: 3,
			Alt:     "Illustration of a patchwork of striped fields in ochre and green under a pale sky, with a row of poplar trees and a low flat-roofed farmhouse.",
			Caption: "Farmland west of Mazar-i-Sharif, where water reached the tail of the repaired canal this week.",
			Credit:  credit,
		},
	},
	{
		Headline:   "Donor pledges fall well short of humanitarian appeal for Afghanistan and its neighbours",
		Standfirst: "A one-day conference in Geneva raised firm commitments covering less than half of the year's requirements. Aid agencies must now decide which programmes to cut first.",
		Body: `Governments meeting in Geneva on Tuesday pledged a little over $1.3 billion for humanitarian work in Afghanistan and for refugees hosted in neighbouring countries, well short of the $3.1 billion that aid agencies had said they needed for the year.

Delegations from around forty governments attended the meeting, which was convened jointly by a group of donor states and the body that coordinates the joint appeal. Several large donors announced figures similar to last year's; others said their budgets had not yet been approved and that further pledges could follow.

"We are grateful for every commitment made today, and we have to be honest that it is not enough," said Marguerite Olsen, who chairs the appeal's steering group. "The gap will be measured in clinics that close and in families who go without food in the lean season."

## Where the cuts may fall

Aid officials said they would now revise their plans in order of priority. Emergency food assistance and primary health care are expected to be protected as far as possible. Programmes regarded as longer-term, including livelihoods support and some education projects, are the most likely to be scaled back.

A representative of a coalition of Afghan non-governmental organisations told the meeting that local groups were often the first to feel reductions, because their contracts were shorter and less predictable than those of international agencies.

The shortfall comes as neighbouring countries report continued departures of Afghans returning home, many of whom arrive with few possessions and need help with shelter and documents in their first weeks.

## A familiar pattern

Appeals for long-running crises have been increasingly underfunded in recent years, as donors face competing emergencies and tighter budgets at home. Analysts who follow pledging conferences note that the figures announced on the day can include money committed earlier, which makes the real gap hard to judge until later in the year.

Several delegations called for more of the available money to be given on flexible terms, so that agencies could move funds between programmes as needs change.

The steering group said it would publish a full breakdown of pledges within a month. You can read more about how we report on aid and funding on our [about page](/about/).`,
		Section:      "world",
		Tags:         []string{"Aid", "Diplomacy", "Refugees"},
		Authors:      []string{"daniel-whitcombe"},
		Dateline:     "Geneva",
		Language:     "en",
		HoursAgo:     7,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "sea", Palette: 5,
			Alt:     "Illustration of a calm grey lake under an overcast sky, with a small sailing boat, low hills on the far shore and a sandy beach in the foreground.",
			Caption: "Lake Geneva on the morning of the pledging conference.",
			Credit:  credit,
		},
	},
	{
		Headline:   "At the western border, returnees wait for paperwork, a meal and a ride home",
		Standfirst: "Hundreds of people cross at Islam Qala each day, many after years abroad. Reception staff say the first forty-eight hours shape how families cope.",
		Body: `The families start arriving soon after the crossing opens in the morning: men pushing handcarts of bundled bedding, women leading small children by the hand, teenagers carrying plastic bags of documents and clothes.

At the reception centre a few hundred metres inside the border, staff register new arrivals, pay a one-off cash grant to those who qualify and arrange transport onward to their home provinces. On a busy day, they say, more than 900 people pass through.

"Most people have been away for a long time. Some of the children were born abroad and have never seen the place they are being taken to," said Zahra Mohammadi, who has worked at the centre for three years. "We try to make the first day orderly, at least."

## Long queues, short supplies

Registration is the bottleneck. Families queue for hours in a yard with little shade, and staff said a shortage of people able to check documents issued abroad slowed the process further. A mobile health team screens children for malnutrition and offers vaccinations; the team's nurse said most of the cases she sees are exhaustion, dehydration and untreated long-term conditions rather than emergencies.

Abdul Qayum, 46, said he had worked on building sites abroad for eleven years before deciding to return with his wife and five children. "There was no more work there, and everything became more difficult," he said. "Here we have my brother's house. We will start from that."

## After the border

Aid workers stress that the crossing is only the beginning. Returnees often arrive in districts with little paid work, where rents and food prices have risen as the population grows. Many will need help again within months. Among families registered at the centre last month:

- about a third said they had no home to go to;
- roughly half said no adult in the household had work arranged;
- most said they planned to stay with relatives.

By late afternoon, buses bound for Herat, Kandahar and Kabul fill up in the car park. Those who miss the last departure sleep in a large tent set aside for the purpose, and the queue begins again the next morning.`,
		Section:      "afghanistan",
		Tags:         []string{"Refugees", "Migration", "Health"},
		Authors:      []string{"soraya-noorzai"},
		Dateline:     "Islam Qala",
		Language:     "en",
		HoursAgo:     12,
		CommentsOpen: false,
		Picture: pictureSeed{
			Scene: "city", Palette: 3,
			Alt:     "Illustration of a city in warm sandy tones under a pale blue sky, with a mosque's orange dome and minaret among apartment blocks and low houses.",
			Caption: "Herat, the nearest city to the Islam Qala crossing, where many returning families stop before travelling on.",
			Credit:  credit,
		},
	},
	{
		Headline:   "Glaciers in Badakhshan's high valleys are shrinking faster than expected, survey finds",
		Standfirst: "A two-year field study found that many small glaciers feeding farming valleys have lost a large share of their area. Researchers say the effects will be felt first in late summer.",
		Body: `A field survey of glaciers in the high valleys of Badakhshan has found that many of the smaller ice bodies in the province are retreating faster than satellite estimates had suggested, with consequences for villages that depend on their meltwater in the driest months of the year.

The study, carried out over two summers by a team of Afghan and international researchers, mapped 38 glaciers using ground measurements and drone photography. Of those, 26 had shrunk in area since the most recent reliable maps, and seven small glaciers had effectively broken up into separate patches of ice.

"Small glaciers are the ones that matter most to people here, and they are also the hardest to see from space," said Jawad Haidari, a glaciologist who led the fieldwork. "On the ground, you can walk where the ice used to be."

## Water when it is needed most

In mountain valleys, snow melts in spring and early summer, while glaciers release their water later, in July and August, when rivers would otherwise run low. Farmers in several of the valleys surveyed said irrigation channels were drying earlier in the season than they did a decade ago.

The researchers cautioned that the picture is not uniform. Glaciers on north-facing slopes and at higher altitudes were more stable, and short-term changes can be distorted by a single unusually warm or dry year.

The report makes three recommendations:

1. regular monitoring of a small number of reference glaciers, so that changes can be tracked year by year;
2. sharing the data with provincial water authorities and village councils;
3. planning for water storage and more efficient irrigation in the valleys most dependent on late-summer melt.

## A wider trend

The findings are consistent with studies across the Hindu Kush and the Himalaya that have documented widespread glacier loss as temperatures rise. Scientists have warned that some river basins may see a temporary increase in summer flows as ice melts, followed by a decline once the smaller glaciers are gone.

For the farmers of upper Badakhshan, the timescale is more immediate. "We know the ice by name," said Mohammad Ishaq, a village elder who guided the survey team across the passes. "Some of those names now belong to bare rock."`,
		Section:      "climate",
		Tags:         []string{"Water", "Glaciers"},
		Authors:      []string{"daniel-whitcombe", "soraya-noorzai"},
		Dateline:     "Faizabad",
		Language:     "en",
		HoursAgo:     19,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "mountains", Palette: 1,
			Alt:     "Illustration of snow-capped mountain ridges under a bright blue sky with white clouds, fading into haze above green forested hills.",
			Caption: "Peaks above the valleys of upper Badakhshan, where the survey mapped 38 glaciers.",
			Credit:  credit,
		},
	},
	{
		Headline:   "برداشت زعفران در هرات آغاز شد؛ دهقانان به بازار امیدوارند",
		Standfirst: "با آغاز فصل گل‌چینی در ولسوالی‌های هرات، صدها زن و مرد در کشتزارهای زعفران مشغول کار شده‌اند. دهقانان می‌گویند کیفیت امسال خوب است، اما قیمت‌ها هنوز روشن نیست.",
		Body: `با طلوع آفتاب، کشتزارهای زعفران در اطراف شهر هرات پر از کارگرانی می‌شود که گل‌های بنفش را پیش از گرم شدن هوا می‌چینند. گل زعفران باید در همان روزی که باز می‌شود چیده شود، وگرنه رنگ و عطر خود را از دست می‌دهد.

فاطمه نوری که ده سال است در این کار مشغول است، می‌گوید: «گل‌چینی کار سختی است، اما برای بسیاری از زنان این‌جا یگانه درآمد فصل است.» به گفتهٔ او، زنان پس از چیدن گل‌ها، رشته‌های سرخ زعفران را در خانه با دقت جدا و خشک می‌کنند.

## امیدها و نگرانی‌ها

دهقانان می‌گویند بارندگی بهاری امسال بهتر از سال گذشته بوده و گل‌ها درشت‌تر شده‌اند. با این حال، بسیاری از آنان نگران قیمت‌ها هستند، زیرا هزینهٔ حمل‌ونقل و بسته‌بندی افزایش یافته است.

عبدالرحیم سلطانی، یکی از تاجران زعفران، گفت که خریداران خارجی بیشتر به کیفیت و بسته‌بندی استاندارد توجه دارند. او افزود: «اگر کیفیت را حفظ کنیم، بازار ما را فراموش نمی‌کند.»

به گفتهٔ دهقانان، برای به دست آوردن یک کیلوگرام زعفران خشک، باید ده‌ها هزار گل را با دست چید. فصل گل‌چینی معمولاً حدود سه هفته دوام می‌کند و پس از آن، کار پاک‌کاری و بسته‌بندی در خانه‌ها و کارگاه‌ها ادامه می‌یابد.`,
		Section:      "afghanistan",
		Tags:         []string{"Agriculture", "Economy"},
		Authors:      []string{"soraya-noorzai"},
		Dateline:     "هرات",
		Language:     "fa-AF",
		HoursAgo:     27,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "fields", Palette: 0,
			Alt:     "تصویرسازی از کشتزارهای راه‌راه سبز و زرد در سپیده‌دم، با ردیفی از درختان سفیدار و خانه‌ای کوچک با بام هموار.",
			Caption: "کشتزارهای اطراف هرات در آغاز فصل برداشت زعفران.",
			Credit:  credit,
		},
	},
	{
		Headline:   "Coastal states agree draft rules to track fishing fleets on the high seas",
		Standfirst: "After a week of talks in Lisbon, negotiators settled on a common standard for tracking fishing vessels. Campaigners welcomed the text but said enforcement would decide its worth.",
		Body: `Negotiators from more than thirty coastal and fishing states agreed on Friday on a draft set of rules requiring large fishing vessels on the high seas to carry tracking equipment and keep it switched on, in what delegates described as a modest but practical step against illegal fishing.

The text, reached after a week of talks in Lisbon, would set a common technical standard for vessel monitoring and oblige flag states to share position data with regional fisheries bodies at regular intervals. It must still be approved by governments before it takes effect.

"Fish do not respect boundaries, and neither do the fleets that follow them," said Tomás Ferreira, who chaired the final sessions. "What we have now is a shared rulebook. It is not everything, but it did not exist a week ago."

## What the draft does

Under the agreed text, vessels above a set size would be required to:

- transmit their position at least once an hour while at sea;
- report transfers of catch between vessels before they take place;
- carry independent observers on a share of trips, to be fixed by each regional body.

Delegates said the hardest negotiations concerned **transhipment**, the transfer of catch at sea to refrigerated cargo ships, which monitoring groups say can be used to disguise where fish were caught.

## Enforcement questions

Environmental organisations welcomed the agreement but warned that similar rules had been weakened in the past by exemptions and slow implementation. "A tracking requirement is only as strong as the willingness to act when a signal goes dark," said Amara Okafor of an ocean conservation coalition that observed the talks.

Some smaller coastal states argued that they lacked the patrol boats and analysts needed to act on the data, and the final text includes a commitment to technical assistance, though without specific funding.

Scientists say illegal and unreported fishing remains a significant pressure on stocks in several ocean regions, and that better data would also improve estimates of how much fish can be caught sustainably.

Delegations will now return to their capitals to seek approval, with a formal signing planned for next year.`,
		Section:      "world",
		Tags:         []string{"Diplomacy", "Oceans"},
		Authors:      []string{"daniel-whitcombe"},
		Dateline:     "Lisbon",
		Language:     "en",
		HoursAgo:     38,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "sea", Palette: 1,
			Alt:     "Illustration of a blue sea under a clear sky with white clouds, the sun glittering on the water, a sailing boat near the horizon, gulls and a sandy beach.",
			Caption: "The Atlantic off the Portuguese coast during the week of talks.",
			Credit:  credit,
		},
	},
	{
		Headline:   "Karachi's heat plan faces its first big test as temperatures climb",
		Standfirst: "Cooling centres, shifted working hours and extra water points are in place across the city. Health workers say the people most at risk are the hardest to reach.",
		Body: `As temperatures in Karachi rose above 42C for a third consecutive day, city authorities opened dozens of cooling centres and extended the hours of public water points, putting into effect in full, for the first time, a heat action plan drawn up over the past two years.

The plan sets out the steps to be taken at each stage of a heat warning, from advisory messages on radio and mobile phones to changes in working hours for outdoor labourers and extra ambulances in densely populated districts.

"We have learned that the first days of a heatwave matter most," said Dr Sana Mirza, a public health specialist who advises the city on the plan. "People do not realise how quickly the body can be overwhelmed, especially older people and those who work outside."

## Reaching people at risk

Cooling centres in schools and community halls were busy in the afternoons, volunteers said, but mostly with people who lived nearby. Health workers said they were more concerned about those who could not easily leave home, including older residents living alone in upper-floor flats.

Power cuts, common at times of high demand, complicate the response. Residents in several neighbourhoods reported outages of several hours during the hottest part of the day.

> "A fan is only useful when there is electricity. When there is none, we wet cloths and wait for the evening," said Rukhsana Bibi, who lives in an older neighbourhood near the port.

## What the plan asks of residents

Officials urged people to:

- **drink water regularly**, even before feeling thirsty;
- avoid strenuous work between late morning and late afternoon;
- check on neighbours who live alone.

Meteorologists expect the heat to ease slightly at the weekend as sea breezes strengthen, though forecasts show above-average temperatures continuing into next week.

Researchers say heatwaves in South Asia are becoming more frequent and more intense, and that cities with large informal settlements face particular difficulties in protecting their residents. City officials said the experience of the coming days would be used to revise the plan before the peak of summer.`,
		Section:      "climate",
		Tags:         []string{"Heat", "Health", "Energy"},
		Authors:      []string{"daniel-whitcombe"},
		Dateline:     "Karachi",
		Language:     "en",
		HoursAgo:     52,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "city", Palette: 2,
			Alt:     "Illustration of a city skyline at dusk against a red and purple sky, with lit windows, street lamps and a mosque's green dome and minaret.",
			Caption: "Evening over Karachi, when temperatures begin to fall and streets fill again.",
			Credit:  credit,
		},
	},
	{
		Headline:   "In Kabul's busiest market, traders adjust to thinner margins and cautious buyers",
		Standfirst: "Shopkeepers in the Mandawi say customers are buying less, and buying closer to need. Many are cutting stock, and some are sharing stalls to save on rent.",
		Body: `By mid-morning in the Mandawi, Kabul's oldest wholesale market, the lanes are as crowded as ever: porters with handcarts, shopkeepers calling out prices, and customers moving slowly between stalls piled with rice, dried fruit, spices and soap.

But traders say the crowds are misleading. Customers are buying smaller quantities, more often, and are quicker to walk away over small differences in price.

"Before, a family would buy a sack of flour for the month. Now they buy for a week," said Haji Sharifullah, who has sold flour and cooking oil from the same shop for more than twenty years. "People are counting every afghani."

## Smaller stock, shared rent

Several shopkeepers said they had reduced the stock they hold, partly to limit the risk of being caught out by price changes and partly because suppliers now want to be paid sooner. A few have begun sharing stalls, splitting the rent and the opening hours between two businesses.

Prices of some staples have been relatively stable in recent months, traders said, but the cost of imported goods can change quickly with exchange rates and delays at border crossings.

Mariam, a mother of four who asked that only her first name be used, said she now compares prices at three or four stalls before buying anything. "It takes the whole morning," she said. "But a few afghanis saved here and there is the difference between enough and not enough."

## Signs of resilience

Not all the news is gloomy. Dried fruit sellers said demand for raisins, almonds and mulberries had held up well, and some reported new orders from regional traders ahead of the winter.

Economists who study the market say informal credit, with shopkeepers extending a few days' credit to regular customers or to each other, remains a crucial cushion in an economy short of cash, though such networks come under strain if hard times persist.

As the call to midday prayer sounds over the lanes, the pace slows for a moment, then picks up again. "We have seen worse years," said Haji Sharifullah. "The market always finds a way to open in the morning."`,
		Section:      "afghanistan",
		Tags:         []string{"Trade", "Economy"},
		Authors:      []string{"soraya-noorzai"},
		Dateline:     "Kabul",
		Language:     "en",
		HoursAgo:     70,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "market", Palette: 0,
			Alt:     "Illustration of a row of market stalls with striped awnings and heaps of fruit, strings of bunting overhead, old plastered buildings behind and shoppers in the foreground.",
			Caption: "Stalls in a Kabul market in the early morning.",
			Credit:  credit,
		},
	},
	{
		Headline:   "د کندهار انار بازار ته ورسېدل؛ بڼوالان د ښه حاصل خبر ورکوي",
		Standfirst: "د کندهار په ارغنداب سیمه کې د انارو راټولول پیل شوي دي. بڼوالان وايي سږ کال حاصل ښه دی، خو د صادراتو لګښتونه یې اندېښمن کړي دي.",
		Body: `د سهار له لومړیو ساعتونو څخه د ارغنداب په بڼونو کې کارګر انار شکوي او په لرګینو صندوقونو کې یې اچوي. دا صندوقونه بیا د کندهار ښار د مېوو منډۍ ته وړل کېږي، چې له هغه ځایه یې یوه برخه نورو ولایتونو او بهرنیو هېوادونو ته لېږل کېږي.

حاجي عبدالباري، چې څلوېښت کاله کېږي د انارو بڼ لري، وايي: «سږ کال اوبه ښې وې او انار لوی او خواږه دي. که بازار ښه شي، زموږ زحمت به ضایع نه شي.»

## د بازار ستونزې

سوداګر وايي چې د انارو غوښتنه لا هم شته، خو د ترانسپورت لګښت او د سړو ګودامونو نشتوالی لویې ستونزې دي. یو شمېر بڼوالان مجبور دي چې خپل حاصل ژر او په ټیټه بیه وپلوري، ځکه چې انار په ګرمۍ کې ډېر وخت نه ساتل کېږي.

د مېوو سوداګر محمد نعیم وویل: «که سړې خونې او ښې لارې ولرو، زموږ انار به په نړیوالو بازارونو کې خپل ځای بېرته پیدا کړي.»

بڼوالان هیله لري چې د صادراتو لارې به اسانه شي. د انارو د راټولولو موسم نږدې یوه میاشت دوام کوي.`,
		Section:      "afghanistan",
		Tags:         []string{"Agriculture", "Trade"},
		Authors:      []string{"soraya-noorzai"},
		Dateline:     "کندهار",
		Language:     "ps",
		HoursAgo:     96,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "market", Palette: 1,
			Alt:     "د بازار انځور: د رنګه سایبانونو لاندې د مېوو دوکانونه، د انارو او نورو مېوو ډېرۍ، او مخې ته پېرودونکي.",
			Caption: "د کندهار د مېوو منډۍ د انارو د موسم په پیل کې.",
			Credit:  credit,
		},
	},
	{
		Headline:   "Herders in Badghis sell livestock early as a dry winter thins the pastures",
		Standfirst: "With little rain since autumn, families in north-western Afghanistan are selling sheep and goats before they lose condition. Livestock markets are crowded and prices are falling.",
		Body: `The livestock market on the edge of Qala-i-Naw is busier than it should be at this time of year. Hundreds of sheep and goats stand tethered in rows, and buyers move slowly among them, pressing the animals' flanks and shaking their heads.

Herders say they have little choice. Rain and snow across much of Badghis province have been well below average since autumn, and the rangelands where flocks usually graze in spring are thin and patchy.

"If I wait, the animals will lose weight and I will get half the price," said Nek Mohammad, who walked 30 sheep down from the hills over two days. "If I sell now, I still lose, but less."

## A falling market

Traders at the market said prices for adult sheep had fallen by roughly a quarter compared with the same time last year, as more animals come up for sale while demand stays flat. Fodder, meanwhile, has become more expensive, as families with animals to keep compete for limited supplies of straw and barley.

Agricultural specialists say early sales are a common way for herding families to cope with drought, but that they carry a long-term cost. Breeding ewes sold this year will not produce lambs next spring, and flocks can take several years to recover.

## Planning for dry years

Aid agencies working in the province are distributing animal feed and providing veterinary care in some districts, and a small number of cash-for-work projects are repairing water points and small dams to catch what rain does fall.

Local officials and community leaders have called for more investment in:

- rainwater harvesting and small reservoirs for livestock;
- fodder banks that can be filled in good years and drawn on in bad ones;
- early warning information shared directly with herding communities.

Climate scientists expect dry spells in the region to become more frequent, though rainfall will continue to vary widely from year to year. For herders, that uncertainty is itself a burden. "Our fathers could read the sky," said Nek Mohammad. "Now the sky has changed its habits."`,
		Section:      "climate",
		Tags:         []string{"Drought", "Agriculture", "Water"},
		Authors:      []string{"soraya-noorzai", "daniel-whitcombe"},
		Dateline:     "Qala-i-Naw",
		Language:     "en",
		HoursAgo:     130,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "mountains", Palette: 3,
			Alt:     "Illustration of dry, sand-coloured mountain ridges with a little snow on the highest peaks, and lower hills dotted with trees under a pale sky.",
			Caption: "Hills in Badghis province, where spring grazing is thin after a dry winter.",
			Credit:  credit,
		},
	},
	{
		Headline:   "In a Gaziantep back street, a night school gives displaced teenagers a second chance",
		Standfirst: "Volunteer teachers run evening classes for young people who work during the day. Most are preparing for exams they never had the chance to sit.",
		Body: `At seven o'clock on a weekday evening, the classrooms of a converted textile workshop in Gaziantep begin to fill. The students, most of them between 14 and 19, arrive in work clothes from jobs in bakeries, garages and shoe workshops. Many have been on their feet since early morning.

The night school, run by a small association of volunteer teachers, offers classes in Turkish, Arabic, mathematics and science for young people whose education was interrupted when their families were displaced. About 140 students are enrolled this year.

"Our students are not lazy, they are tired," said Leyla Aksoy, a retired mathematics teacher who helped set up the school. "They come after a full day's work because they still believe the exams can change something. We try to deserve that belief."

## Study after work

Classes run for two hours, four evenings a week. Teachers keep lessons short and practical, and the school provides tea and bread at the start of each evening, for some students the first food since midday.

Hamza, 17, left school at 12 when his family moved. He now works in a shoe workshop and hopes to pass the secondary school equivalency exams next summer. "At work I am a worker," he said. "Here I am a student again. It is a different feeling."

## Holding on to students

The biggest challenge, teachers say, is not teaching but attendance. Students drop out when their working hours change, when families move to other cities for work, or when a younger brother or sister needs looking after. The school has started calling students who miss classes to check on them, which staff say has helped.

The association relies on small private donations and volunteers. Its organisers would like to add a course in electrical work and a class for students who cannot yet read, but lack the space.

Education researchers say programmes that fit around working hours are an important bridge for displaced adolescents, who are often missed by schemes aimed at younger children.

As the evening ends, students linger in the corridor comparing answers from a practice test. Then they head out into the street, most of them with work to go to in the morning.`,
		Section:      "world",
		Tags:         []string{"Refugees", "Education", "Migration"},
		Authors:      []string{"daniel-whitcombe"},
		Dateline:     "Gaziantep",
		Language:     "en",
		HoursAgo:     170,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "city", Palette: 0,
			Alt:     "Illustration of a city at dawn in lavender and rose tones, with apartment blocks, a few lit windows, and a mosque with a teal dome and minaret.",
			Caption: "Early morning in Gaziantep, as many of the night school's students leave for work.",
			Credit:  credit,
		},
	},
	{
		Headline:   "Villages in Bamyan set up river gauges to warn of flash floods",
		Standfirst: "Painted water-level posts and a network of volunteers with mobile phones are meant to give villages downstream vital minutes of warning.",
		Body: `On the bank of a stream in a narrow valley west of Bamyan town, a post painted in bands of green, yellow and red has become one of the most closely watched objects in the village.

The post is part of a community early warning system set up this year in a dozen villages along the valley. Volunteers check the water level during heavy rain and the spring melt, and call or message contacts downstream when the water crosses into a new band.

"The flood comes faster than a man can run," said Sayed Anwar, 39, one of the volunteers. "If the village below knows even fifteen minutes earlier, families can move their animals and their children to higher ground."

## Lessons from past floods

Flash floods are a recurring hazard in Afghanistan's central highlands, where intense storms and rapid snowmelt send water rushing down steep, bare slopes. In recent years, floods in the province have damaged homes, washed away fields and destroyed irrigation channels.

The project was designed with the village councils, which chose where to put the gauges and who would watch them. Each volunteer has a list of phone numbers and a fallback for when the mobile network fails, which in some valleys means sending someone on horseback.

## Beyond the warning

Organisers say the gauges are only one part of reducing the risk. The project also includes:

- mapping safe gathering points on higher ground in each village;
- replanting the slopes above the villages to slow runoff;
- regular drills, so that families know what to do when a warning comes.

Specialists in disaster risk say community systems of this kind are inexpensive and can be kept going locally, but that they work best when linked to provincial and national forecasting, which can anticipate heavy rain a day or more in advance.

The first drill of the season was held on a bright morning. Children ran, laughing, up the hillside to the marked gathering point, followed more slowly by their grandparents. "Today it is a game," said Sayed Anwar. "We practise so that on the real day, nobody has to stop and think."`,
		Section:      "climate",
		Tags:         []string{"Water", "Floods"},
		Authors:      []string{"soraya-noorzai"},
		Dateline:     "Bamyan",
		Language:     "en",
		HoursAgo:     220,
		CommentsOpen: false,
		Picture: pictureSeed{
			Scene: "mountains", Palette: 5,
			Alt:     "Illustration of grey-green mountain ridges with patches of snow under an overcast sky, with mist in the valleys and pine trees on the nearer hills.",
			Caption: "Mountains above a valley west of Bamyan, where villages have installed flood gauges.",
			Credit:  credit,
		},
	},
	{
		Headline:   "Thousands march in Bonn as climate talks stall over money for adaptation",
		Standfirst: "Marchers urged wealthy countries to deliver funding promised to help vulnerable nations adapt. Inside the conference centre, negotiators were still arguing over the wording of a draft text.",
		Body: `Several thousand people marched through the centre of Bonn on Saturday, calling on wealthy countries to increase funding to help poorer nations cope with the effects of climate change, as mid-year climate negotiations in the city entered their final days.

The march, organised by a coalition of environmental groups, trade unions and diaspora associations, passed off peacefully. Participants carried placards and banners, and groups from countries recently hit by floods and droughts led the procession.

"We are not asking for charity," said Efua Amankwah, who represents a network of smallholder farmers and travelled to Bonn for the talks. "We are asking for the money that was promised, so that our communities can build the defences they need before the next flood, not after it."

## The state of the talks

The Bonn sessions are technical meetings intended to prepare decisions for the annual climate summit later in the year. This year, delegates have spent much of their time on finance for adaptation: measures such as flood defences, drought-resistant crops and early warning systems.

Developing countries argue that adaptation has long received a small share of climate finance compared with cutting emissions, and that the gap has widened as the impacts grow. Several developed countries said they remained committed to increasing support but cautioned that their budgets were under pressure.

A draft text circulated on Friday still contained several options in square brackets, diplomatic shorthand for wording that has not been agreed.

## Voices from the march

Among the marchers were students, church groups and a contingent of cyclists. Some carried photographs of flooded fields and dried-up riverbeds from their home countries.

- Organisers put the turnout at around 8,000; police gave a lower estimate.
- The march ended with speeches near the conference venue.
- A petition with signatures gathered online was handed to the talks' co-chairs.

Observers said the final days of negotiations were unlikely to settle the main disagreements, which will be taken up again at the summit. "Bonn is where the homework gets done," said Lukas Brandt, a policy analyst who follows the talks. "This year, the homework is unfinished."`,
		Section:      "world",
		Tags:         []string{"Diplomacy", "Aid", "Climate finance"},
		Authors:      []string{"daniel-whitcombe"},
		Dateline:     "Bonn",
		Language:     "en",
		HoursAgo:     300,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "crowd", Palette: 1,
			Alt:     "Illustration of a large crowd filling a street under a blue sky, some people holding blank placards and plain coloured flags, with city buildings behind.",
			Caption: "Marchers gather in central Bonn before setting off towards the conference venue.",
			Credit:  credit,
		},
	},
	{
		Headline:   "Kabul's winter power cuts ease as imported electricity supplies recover",
		Standfirst: "Households in the capital say evening outages have become shorter in recent weeks. Engineers warn that the grid remains fragile and dependent on imports.",
		Body: `For much of the winter, evenings in many Kabul neighbourhoods followed the same pattern: the lights went out around dinnertime, generators rattled into life in the shops that could afford them, and families gathered around gas lamps and phone torches until the power came back late at night.

In recent weeks, residents say, the outages have become shorter and less frequent, as electricity imports from neighbouring countries recovered following repairs to transmission lines and an increase in supply.

"Last month we had four or five hours without power every evening. Now it is one hour, sometimes none," said Parwiz Jalali, who runs a tailoring shop in the west of the city. "For my work, that is the difference between finishing orders and sending customers away."

## A grid that depends on its neighbours

Afghanistan imports most of the electricity it uses, much of it over long transmission lines that cross mountain passes. Damage to a single line, or a cut in supply when the neighbouring countries face their own peak demand, can leave large parts of the capital without power.

Engineers at the national power utility say winter is the hardest season, as demand for heating rises while output from domestic hydropower plants falls with the river flows.

> "Every winter we are managing a shortage. The only question is how big it is," said one engineer, who asked not to be named because he was not authorised to speak to the media.

## Small-scale alternatives

Many households and businesses have turned to rooftop solar panels and batteries to bridge the gaps. Panels are now a common sight on roofs across the city, and shopkeepers selling solar equipment say demand remains strong.

Energy specialists say more domestic generation, including solar and small hydropower, would reduce the dependence on imports, but that major investment in the grid will be needed to connect new sources reliably.

For now, residents are cautiously relieved. "We plan our days around the electricity," said Jalali, as he pinned a hem by the light of his shop window. "When it comes, we work. When it goes, we wait."`,
		Section:      "afghanistan",
		Tags:         []string{"Energy", "Economy"},
		Authors:      []string{"soraya-noorzai"},
		Dateline:     "Kabul",
		Language:     "en",
		HoursAgo:     390,
		CommentsOpen: true,
		Picture: pictureSeed{
			Scene: "city", Palette: 4,
			Alt:     "Illustration of a city at night under a starry sky and a full moon, with dark apartment blocks, many lit windows and a domed mosque.",
			Caption: "Lights across Kabul on an evening when the power stayed on.",
			Credit:  credit,
		},
	},
}

var pages = []pageSeed{
	{
		Slug:  "about",
		Title: "About us",
		Body: `We are a small, independent newsroom reporting on Afghanistan, the wider region and the world, with a particular focus on climate and on the people most affected by conflict and displacement.

Our desk is two journalists. One of us reports on Afghanistan in English, Dari and Pashto; the other edits the desk and covers diplomacy, humanitarian aid and climate policy. We work with a small network of trusted freelance reporters and translators, whose names appear on their work unless it would put them at risk.

## Why we do this

Much of the world's attention moves on quickly. The stories we follow do not: a drought that lasts three winters, a family rebuilding after years abroad, a negotiation that grinds on long after the cameras leave. We try to stay with those stories, and to report them in the languages of the people they are about.

## Our independence

We are not affiliated with any government, political party, armed group or commercial interest. We do not accept money from any of them, and no funder has a say in what we report. We are supported by our readers, and we say so openly.

## Our standards

- We check what we publish, and we say how we know what we know.
- We name our sources wherever it is safe to do so, and explain when we cannot.
- We avoid graphic images and do not publish material that could endanger the people in our stories.
- When we get something wrong, we correct it promptly and note the correction at the end of the article.

If you have a question about our work or want to report an error, please [get in touch](/contact/).`,
	},
	{
		Slug:  "contact",
		Title: "Contact",
		Body: `We read everything we receive, though we cannot always reply to every message.

## General enquiries

For questions about our reporting, partnerships or republishing our work, write to **hello@example.org**.

## Corrections

If you think we have made a mistake, please write to **corrections@example.org** with a link to the article and a short explanation. We review every request and correct errors promptly.

## News tips

If you have information you think we should know about, write to **tips@example.org**. Tell us what you know, how you know it, and how we can reach you.

## Contacting us securely

If your safety or your job could be at risk, please take care before contacting us:

- Use a personal device and a network you trust, not one provided by an employer or an authority.
- Prefer an end-to-end encrypted messaging app over ordinary email or text messages. Write to us first and we will send you details of how to reach us this way.
- If you use email encryption, ask us for our public key and check its fingerprint with us through a second channel.
- Think about who else can see your device, and delete messages if that would be safer for you.

We will never publish your identity without your agreement, and we will discuss with you how to protect it before we use anything you tell us.

## Writing to us in Dari or Pashto

You are welcome to write to us in Dari, Pashto or English.`,
	},
	{
		Slug:  "support",
		Title: "Support our work",
		Body: `Our newsroom is funded by its readers. We have no owner to answer to, no advertisers to please and no government grants to protect, and we would like to keep it that way.

## Why your support matters

Independent reporting from places like Afghanistan is slow and expensive. It means paying local reporters and translators fairly, travelling to places that are hard to reach, and sometimes spending weeks on a single story. It also means keeping our work free to read, in English, Dari and Pashto, for people who could never pay for it.

Every contribution, large or small, helps us to:

- keep our reporting free for everyone, with no paywall;
- pay the freelance journalists and translators we work with on time and at a fair rate;
- stay with long-running stories after other outlets have moved on;
- protect our independence from anyone who would prefer certain stories were not told.

## How to give

We are setting up ways to contribute, including one-off and regular payments. Details will appear on this page soon.

In the meantime, one of the most valuable things you can do is to share our reporting with people who would find it useful. Thank you for reading.`,
	},
}
