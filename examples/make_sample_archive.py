"""Generate the bundled sample export: a Twitter/X account archive (2022 layout) of a fictional
persona, "Mags Tregenna" (@mags_lamproom), attendant keeper of the (fictional) Skerra light.

Run from the repository root:

    python examples/make_sample_archive.py

It writes examples/sample-archive/data/{tweets.js,manifest.js,account.js} and prints how many
posts of each kind it made. The output is fully deterministic (random.Random(SEED), no network,
stdlib only): running it twice gives byte-identical files.

Every person, account, place, ferry and cat here is invented. The hand-written posts are
combined with a few templates (weather observations, the ferry "excuse ledger", the hat count)
and laid out over 2021-03 .. 2023-06 with the quirks of real archives: retweets truncated at 140
characters, replies, self-reply threads, posts split over two tweets with "..." / "…",
media-only and link-only posts, a mention-only post, HTML-escaped text, exact and near
duplicates, and old-style quote tweets ('"@someone: words" reply').
"""

from __future__ import annotations

import html
import json
import random
import re
import string
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

SEED = 1854  # the year the (fictional) Skerra light was first lit
HANDLE = "mags_lamproom"
DISPLAY_NAME = "Mags Tregenna 🌊🔭"
ACCOUNT_ID = "1049213867"
ACCOUNT_CREATED = "2012-10-08T19:43:12.000Z"
EMAIL = "mags.tregenna@example.org"
GENERATED = "2023-07-04T09:12:40.118Z"

START = datetime(2021, 3, 1, tzinfo=UTC)
END = datetime(2023, 6, 30, tzinfo=UTC)
TWITTER_EPOCH_MS = 1288834974657

OUT_DIR = Path(__file__).resolve().parent / "sample-archive" / "data"

ANDROID = '<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>'
WEB_APP = '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>'

# Other (equally fictional) accounts: handle -> (display name, account id).
ACCOUNTS: dict[str, tuple[str, str]] = {
    "dougie_harbour": ("Dougie Munro", "2318840771"),
    "SkerraFerries": ("Skerra & Isles Ferries", "3120985536"),
    "IslaBakesBread": ("Isla Fraser 🍞", "935118872"),
    "PorthAstroSoc": ("Porthmorrow Astronomical Society", "1436620017"),
    "tamsin_tregenna": ("Tamsin T.", "2750113094"),
    "fiona_weathers": ("Fiona MacRae", "871203345"),
    "seabird_survey": ("North Isles Seabird Count", "1129384756"),
    "northsky_notes": ("North Sky Notes", "3348127790"),
    "morags_shop": ("Skerra Island Shop", "4012277365"),
    "RuaridhPhoto": ("Ruaridh Campbell", "1678093420"),
    "coastal_kate": ("Kate Penrose", "2967451182"),
    "skerra_school": ("Skerra Primary", "3899012456"),
    "lighthouse_lore": ("Lighthouse Lore", "1502239876"),
    "hebrideanhen": ("Jo (& the hens)", "2489965013"),
    HANDLE: (DISPLAY_NAME, ACCOUNT_ID),
}

BEAUFORT_SEA = {
    3: "slight",
    4: "slight",
    5: "moderate",
    6: "rough",
    7: "very rough",
    8: "high",
    9: "high",
    10: "very high",
}
WINTER = frozenset({1, 2, 3, 10, 11, 12})
STORMY = frozenset({1, 2, 3, 9, 10, 11, 12})
SUMMER = frozenset({6, 7, 8})
DARK = frozenset({1, 2, 3, 4, 8, 9, 10, 11, 12})  # no real night on Skerra in May-July

HOURS: dict[str, tuple[int, ...]] = {
    "morning": (6, 7, 7, 8, 8, 9, 10),
    "day": (9, 10, 11, 12, 13, 14, 15, 16, 17),
    "evening": (17, 18, 19, 20, 21, 22),
    "night": (20, 21, 22, 22, 23, 23),
    "any": (7, 8, 9, 10, 12, 13, 15, 17, 18, 19, 20, 21, 22),
}


@dataclass
class Post:
    kind: str
    text: str  # unescaped; "{link}" / "{media}" / "{hats}" / "{ledger}" are filled in later
    offset: int = 0  # seconds after the block's anchor
    links: tuple[str, ...] = ()
    media: bool = False
    reply_to: str | None = None  # handle replied to (HANDLE for a self-reply in a thread)
    lang: str = "en"
    source: str = ANDROID
    likes: int | None = None
    reposts: int | None = None
    # filled in when laid out
    created: datetime | None = None
    id: int = 0
    parent_id: str | None = None  # thread replies: the previous post of the thread


@dataclass
class Block:
    posts: list[Post]
    hours: str = "any"
    months: frozenset[int] | None = None
    pinned: datetime | None = None
    after: Block | None = None  # duplicates: re-posted some weeks after this block
    anchor: datetime | None = None


def at(y: int, m: int, d: int, hh: int, mm: int) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=UTC)


# -- the posts ---------------------------------------------------------------------------------
WEATHER: list[tuple[str, frozenset[int] | None]] = [
    ("Rain going sideways again. Not down. Sideways. Skerra has its own physics.", None),
    (
        "Barometer's dropped 20 millibars since teatime. Battening down everything that can be "
        "battened. #StormWatch",
        STORMY,
    ),
    ("Hail at breakfast, sunshine by ten, a gale by lunch. Standard Tuesday.", None),
    ("Four seasons before 9am. Spring on Skerra is a lot.", frozenset({3, 4, 5})),
    (
        "The wind has taken the washing line. Not the washing. The LINE. The washing is still "
        "pegged to it, somewhere over Norway by now.",
        STORMY,
    ),
    (
        "Named storm on the way. The sheep have already gone round the lee side of the hill. "
        "Trust the sheep. #StormWatch",
        STORMY,
    ),
    (
        "Rainbow over the harbour, then a second one inside it. Double rainbow, the full "
        "business. 🌈",
        None,
    ),
    (
        "Sea mist rolled in at four and ate the whole island. Even the lamp looks like it's "
        "squinting.",
        frozenset({4, 5, 6, 7, 8}),
    ),
    (
        "Spindrift coming right over the cliff tops this morning. Salt on the kitchen window, "
        "sixty metres up.",
        STORMY,
    ),
    ("Still. Warm. Midges. I take back every bad word I ever said about the wind.", SUMMER),
    (
        "Snow! Proper snow, settling! It lasted eleven minutes. Barnacle was outraged by every "
        "one of them. ❄️",
        frozenset({12, 1, 2, 3}),
    ),
    (
        "Gusts of 78mph on the station anemometer overnight. The shed is where I left it. "
        "Small victories.",
        STORMY,
    ),
    (
        "There's a particular grey the sky goes before a big blow. Slate with a bit of green in "
        "it. It's that grey now.",
        STORMY,
    ),
    (
        "Glorious morning. Sun on the water, gannets diving, not a breath of wind. Somebody "
        "write it down, it won't happen again till June.",
        frozenset({3, 4, 5}),
    ),
    (
        "The rain has been horizontal for three days. I have forgotten what vertical rain looks "
        "like.",
        None,
    ),
    (
        "0900 obs sent: visibility 200m, drizzle, wind light. Weather-speak for 'damp and "
        "sulking'.",
        None,
    ),
    (
        "October gales are here. Every window on the west side hums a different note. The "
        "whole house is a wind instrument.",
        frozenset({10}),
    ),
    (
        "Thunder out at sea tonight. Watched the lightning walk along the horizon from the "
        "gallery. Magnificent & slightly terrifying. ⚡",
        frozenset({7, 8, 9, 10}),
    ),
    (
        "Warmest day of the year: 19°C. The island has gone feral. Somebody is in the sea. "
        "ON PURPOSE.",
        SUMMER,
    ),
    ("Drizzle so fine it doesn't fall, it just hangs there waiting for you to walk into it.", None),
    (
        "Storm's passed. Beach is covered in kelp, two fish boxes and one (1) rubber duck. "
        "Keeping the duck. 🦆",
        STORMY,
    ),
    (
        "Frost on the gallery rail this morning, which means it was clear last night, which I "
        "slept through. Typical.",
        WINTER,
    ),
    (
        "Power's off, storm's still on. Candles, tea on the camping stove, shipping forecast on "
        "the wind-up radio. Honestly quite cosy.",
        STORMY,
    ),
    (
        "It's blowing a hoolie. Took two of us to shut the tower door, and one of us was the cat.",
        STORMY,
    ),
    (
        "Midsummer: it barely gets dark here. Grand for the tatties, useless for the telescope.",
        frozenset({6}),
    ),
    (
        "Wind's dropped for the first time in nine days and the silence is deafening. Keep "
        "checking the windows like something's wrong.",
        None,
    ),
    ("Weather today is 'bright spells'. Bright spell lasted the length of a cup of tea.", None),
    (
        "Fog so thick I can't see the end of the jetty. The gulls have gone quiet, which is "
        "always a bit eerie.",
        None,
    ),
    ("Wind's gone round to the north and the air smells of snow. Bringing the logs in.", WINTER),
    (
        "Sunny, blowing a gale and raining, all at once. The sky can't make up its mind & "
        "neither can I about whether to go out.",
        None,
    ),
    ("Yellow warning for wind. On Skerra we call that 'Thursday'.", STORMY),
]

SEA: list[tuple[str, frozenset[int] | None]] = [
    (
        "Seals hauled out on the skerry this morning. Counted 23. Pretty sure one of them "
        "counted me back. 🦭",
        None,
    ),
    (
        "Gannets diving off the point like somebody's throwing darts into the sea.",
        frozenset({4, 5, 6, 7, 8, 9}),
    ),
    (
        "Huge swell today. Every seventh wave goes clean over the breakwater and the whole "
        "harbour holds its breath. 🌊",
        STORMY,
    ),
    (
        "Puffins are back!! Spotted the first three on the west stack this morning, looking "
        "very pleased with themselves.",
        frozenset({4}),
    ),
    (
        "Found a glass fishing float on the north beach. Green, hand-blown, probably older "
        "than me. Best find of the year.",
        None,
    ),
    (
        "Container ship sheltering in the lee of the island tonight, lit up like a small town. "
        "Wonder where she's bound.",
        None,
    ),
    (
        "Low spring tide. Walked further out into the rock pools than I've been all year. "
        "Anemones, one furious crab, a starfish the size of my hand.",
        None,
    ),
    (
        "The sea is a colour today I haven't got a word for. Not green, not grey. Pewter with "
        "ambitions.",
        None,
    ),
    (
        "Fulmars nesting on the ledge right below the lamp room window. They're loud, they "
        "smell, and I love them.",
        frozenset({5, 6, 7}),
    ),
    (
        "Otter on the jetty at dawn, eating something it definitely shouldn't have been. We "
        "made eye contact. Neither of us mentioned it.",
        None,
    ),
    ("Wave watching is a legitimate hobby and I will not be taking questions.", None),
    (
        "Beachcombing haul: sea glass (blue! rare!), a cork float, a doll's arm (unsettling), "
        "and rope. There is always rope.",
        None,
    ),
    (
        "Tide's in a hurry today. You can hear it pouring through the narrows from the kitchen.",
        None,
    ),
    (
        "Storm petrels around the light last night. Tiny things, out in all that. I don't "
        "know how they do it.",
        frozenset({8, 9, 10}),
    ),
    (
        "Basking shark in the south bay! Huge, slow, mouth open like a dustbin. Summer's here.",
        SUMMER,
    ),
    ("Sat on the cliff with a flask and watched the sea for an hour. Recommend.", None),
    (
        "Kittiwakes screaming their own names at each other all morning. Kitti-waaake. Yes. "
        "We know.",
        frozenset({5, 6, 7}),
    ),
    (
        "Lifeboat went out at first light. Everybody home safe. Buy your lifeboat crew a pint "
        "this weekend, they've earned it.",
        None,
    ),
    (
        "Grey seal pup on the south beach, white and fluffy and furious. Keeping well back. "
        "Mum's just offshore watching me like a hawk.",
        frozenset({10, 11}),
    ),
    (
        "Dolphins in the harbour mouth! Five or six, leaping. Dropped my shopping. Worth it. 🐬",
        frozenset({5, 6, 7, 8, 9}),
    ),
    (
        "Sunrise turned the whole sea pink for about ninety seconds, then back to grey. Glad I "
        "was up.",
        None,
    ),
    (
        "Two yachts in the harbour tonight, the first of the summer. Somebody's playing a fiddle "
        "on one of them. The seals have come in to listen. I'm not making that up.",
        SUMMER,
    ),
    ("Razorbills > puffins. There, I said it. Fight me on the jetty.", frozenset({5, 6, 7})),
]

STARS: list[tuple[str, frozenset[int] | None]] = [
    (
        "Milky Way straight overhead tonight, so bright it felt like it should cast a shadow. "
        "Clear skies, M. ✨",
        frozenset({8, 9, 10}),
    ),
    (
        "Saturn through the Dob tonight. The first time I saw the rings I gasped out loud. I "
        "still do, a bit. Clear skies, M. ✨",
        frozenset({8, 9, 10}),
    ),
    (
        "Clouds rolled in the exact minute I finished collimating the telescope. The universe "
        "has a sense of humour and it's rubbish.",
        DARK,
    ),
    (
        "Andromeda from the back garden: a faint grey smudge whose light set off two and a "
        "half million years ago. Puts the ferry timetable in perspective.",
        frozenset({9, 10, 11}),
    ),
    (
        "Orion's up before dawn again. That means autumn, whatever the thermometer says.",
        frozenset({8, 9}),
    ),
    (
        "Jupiter and all four big moons lined up like beads. Showed Morag from the shop and she "
        "said 'oh!' and then nothing for a full minute. Best review I've had.",
        frozenset({9, 10, 11}),
    ),
    (
        "Red torch, three jumpers, flask of cocoa, cat on my feet. Observing set-up complete. 🔭",
        DARK,
    ),
    (
        "Pleiades rising over the sea. Seven sisters, I can see six. The seventh is always shy.",
        frozenset({10, 11, 12, 1}),
    ),
    (
        "Bright moon tonight and every faint thing has gone home. Moon nights are for books, "
        "not telescopes.",
        DARK,
    ),
    (
        "Watched a train of those Starlink satellites go over, like a procession of ants. Not "
        "sure how I feel about it.",
        DARK,
    ),
    (
        "Darkest sky for eighty miles, and I keep a lighthouse in the middle of it. I am aware "
        "of the irony.",
        DARK,
    ),
    (
        "The beam sweeps over every ten seconds, so my observing gets done in ten-second "
        "chunks. Keeps you humble. Clear skies, M. ✨",
        DARK,
    ),
    ("Moonrise over the water tonight, enormous and orange. Whole sea turned to copper.", None),
    (
        "Venus blazing in the west after sunset. Three people on the ferry asked me if it was a "
        "plane.",
        frozenset({1, 2, 3, 4}),
    ),
    ("Cloudy. Cloudy. Cloudy. Cloudy. Clear (I was asleep). Cloudy. That's the week.", DARK),
    (
        "Noctilucent clouds! Electric-blue ripples low in the north at midnight. Summer's "
        "consolation prize for having no dark skies.",
        frozenset({6, 7}),
    ),
    (
        "The Plough's standing on its handle tonight, which is how you know it's properly autumn.",
        frozenset({10, 11}),
    ),
    (
        "Taught the whole primary school (all nine of them) the phases of the moon with a "
        "torch and a satsuma. Nine future astronomers. Probably.",
        frozenset({1, 2, 3, 11}),
    ),
    (
        "Mars getting brighter every week. Little orange ember in the east. Come on, "
        "opposition. 🔴",
        frozenset({10, 11}),
    ),
    (
        "Ticked off M81 and M82 tonight, side by side in the same eyepiece. Two galaxies, "
        "twelve million light years off, and me in a bobble hat. Clear skies, M. ✨",
        frozenset({1, 2, 3, 4}),
    ),
    (
        "First properly dark night since May. Stood in the garden and just looked up for a bit "
        "before I even touched the telescope. Missed you, stars.",
        frozenset({8}),
    ),
    (
        "Dew on the eyepiece, frost on the tube, fingers gone numb. Saw the Orion Nebula like "
        "grey smoke. Worth every second. Clear skies, M. ✨",
        frozenset({12, 1, 2}),
    ),
    (
        "Got the Dob out, cooled it down, lined up on Jupiter, and the fog rolled in off the "
        "sea. Went in and had a biscuit instead.",
        frozenset({9, 10, 11}),
    ),
    (
        "Orion's back in the evening sky. Like an old friend turning up at the door with a "
        "bottle of something. Clear skies, M. ✨",
        frozenset({11, 12, 1}),
    ),
    (
        "Spotted the ISS going over, bright as anything, right across the beam. Waved. Pretty "
        "sure they didn't wave back.",
        DARK,
    ),
]

CAT: list[tuple[str, frozenset[int] | None]] = [
    (
        "Barnacle has brought me a crab. A live crab. Into the kitchen. At 5am. Assistant "
        "Keeper Barnacle is on a disciplinary.",
        None,
    ),
    (
        "Barnacle has claimed the warm spot on top of the radio. The shipping forecast now "
        "comes with purring.",
        None,
    ),
    (
        "Assistant Keeper Barnacle's daily report: slept (eleven hours), ate (twice, demanded "
        "four times), patrolled (windowsill only). All quiet. 🐈",
        None,
    ),
    (
        "Barnacle sat by the door for ten minutes wanting out, put one paw into the gale, and "
        "turned straight round. Same, mate.",
        STORMY,
    ),
    (
        "The cat has found the one patch of sunshine on the entire island and is lying in it "
        "like he paid for it. #Caturday",
        None,
    ),
    (
        "Barnacle knocked the eyepiece case off the table at 2am, looked me dead in the eye, "
        "and left. He is a critic.",
        DARK,
    ),
    (
        "Every morning Barnacle sits at the top of the tower stairs and supervises the sunrise. "
        "Very diligent about it.",
        None,
    ),
    ("Barnacle vs the hoover: round 47. The hoover remains undefeated.", None),
    (
        "The cat has discovered that rising bread dough is warm. I have discovered a "
        "cat-shaped dent in tomorrow's loaf.",
        None,
    ),
    (
        "Barnacle has caught a mouse!! (Barnacle has caught a leaf. He is very proud of the leaf.)",
        frozenset({9, 10, 11}),
    ),
    (
        "Barnacle and the big herring gull have reached some kind of ceasefire. Neither looks "
        "at the other. Like divorced neighbours.",
        None,
    ),
    (
        "Barnacle's nicked ear twitches when the wind is about to change. More reliable than "
        "the weather station, honestly.",
        None,
    ),
    (
        "Bought the cat a lovely new bed. He sleeps in the box it came in. Every cat owner in "
        "the world just nodded. #CatsOfTwitter",
        None,
    ),
    (
        "Cat on my lap, storm on the windows, kettle on. Not moving for anything short of a "
        "shipwreck.",
        STORMY,
    ),
    (
        "Barnacle has learned that the fridge door makes a noise. Barnacle now comes running "
        "every time it opens. I live with a very orange alarm system.",
        None,
    ),
    (
        "Barnacle is sulking because I moved his cardboard box six inches to the left. Six "
        "inches. He has not forgiven me.",
        None,
    ),
    ("Barnacle > the hoover, in his opinion. The hoover has not been consulted.", None),
    (
        "Found Barnacle asleep in the lamp room, curled up in the sun by the lens. Assistant "
        "Keeper, resting his eyes on the job. 🐈",
        None,
    ),
    ("Barnacle has a new nemesis and it is a crisp packet that blew in under the door.", STORMY),
]

BREAD: list[tuple[str, frozenset[int] | None]] = [
    (
        "Gloria (the sourdough starter, for newcomers) is doubling nicely this morning. She's "
        "older than some of the island's marriages.",
        None,
    ),
    (
        "Bread's come out flat as a pancake. I'm blaming the barometer. I blame the barometer "
        "for most things.",
        None,
    ),
    (
        "Bake day: two loaves for me, one for Morag at the shop, one for Dougie at the harbour "
        "because he saves me the good spot in the ferry queue. The bread economy.",
        None,
    ),
    ("Tried a rye loaf. It's a brick. A tasty brick, but a brick.", None),
    ("Humidity in the tower is 90% so the dough is basically running its own schedule.", None),
    (
        "Fed Gloria, forgot Gloria, found Gloria halfway out of the jar trying to escape. She "
        "gets feisty in summer.",
        SUMMER,
    ),
    (
        "First loaf of the year and it's a good one. Crackly crust, open crumb, still warm. "
        "January sorted. 🍞",
        frozenset({1}),
    ),
    (
        "Cardamom buns! The kitchen smells like a Swedish bakery, and so does the cat, because "
        "he sat in the flour.",
        None,
    ),
    (
        "Oatcakes while the oven's hot. Oats, salt, butter, water. Nothing fancy, nothing better.",
        None,
    ),
    (
        "Bread didn't rise so I turned it into croutons and pretended that was the plan all along.",
        None,
    ),
    (
        "Swapped a loaf for a bag of mackerel off the pier this morning. Island currency is very "
        "stable.",
        SUMMER,
    ),
    (
        "Discovered the dough rises twice as fast on the shelf in the generator room. Please "
        "don't tell my line manager.",
        None,
    ),
    (
        "Saffron buns for the school fete. Made thirty-six. Thirty-one made it to the fete. "
        "No further questions.",
        frozenset({6, 7}),
    ),
    (
        "Shaped four loaves tonight for the ceilidh tomorrow. The whole kitchen is proving "
        "baskets and flour. Barnacle has been banished. #Sourdough",
        None,
    ),
    ("Gloria's had her breakfast & is bubbling away next to the boiler. Bake day tomorrow.", None),
    (
        "Cheese scones for the lifeboat crew. They came back from a shout soaked through and "
        "ate the lot standing up in the kitchen.",
        None,
    ),
    (
        "Tried a new flour from the mainland mill. Nuttier, darker, a bit wild. Gloria approves. "
        "#Sourdough",
        None,
    ),
]

FERRY: list[tuple[str, frozenset[int] | None]] = [
    ("Ferry cancelled. Milk rationing begins. Barnacle has been informed.", STORMY),
    (
        "Sat in the car at the pier for two hours listening to the shipping forecast. There are "
        "worse ways to wait.",
        None,
    ),
    (
        "The new ferry timetable has been published. I've framed it. As a work of fiction it's "
        "very moving.",
        frozenset({3, 10}),
    ),
    (
        "Made the 0730 sailing with thirty seconds to spare and a loaf under each arm. "
        "Exhilarating.",
        None,
    ),
    (
        "Mainland day: dentist, post office, big supermarket, library. Home on the last boat "
        "with a bag of books and a sack of flour. Perfect day.",
        None,
    ),
    (
        "No ferry for four days now. Shelves at the shop looking thin. Somebody's organising a "
        "pasta swap at the hall. ⛴️",
        STORMY,
    ),
    (
        "Ferry's rerouted round the north side because of the swell, so it's three hours "
        "instead of ninety minutes. Bring a book. Bring two.",
        STORMY,
    ),
    (
        "Watched the Guillemot come in through the spray from the lamp gallery. Rolling like a "
        "barrel but she made it. Hats off to the crew. (Not literally. I've lost enough hats.)",
        STORMY,
    ),
    (
        "The ferry is running 'dreckly'. For non-Cornish readers: dreckly means 'at some point, "
        "possibly never'.",
        None,
    ),
    (
        "Ferry's running, the sun's out, and I've got the day off. Mainland, here I come. ⛴️",
        frozenset({4, 5, 6, 7, 8, 9}),
    ),
    (
        "Caught the ferry back with a sack of flour, a new bobble hat (replacement), and a "
        "very cross cat in a basket. Nobody else on the boat had a good crossing either.",
        None,
    ),
]

LEDGER_EXCUSES = [
    "'weather'. It was sunny. Not a cloud.",
    "a seal asleep on the slipway. Nobody wanted to wake him. Honestly? Fair.",
    "'technical issue with the ramp'. The ramp is stuck again.",
    "the skipper's daughter's wedding. Congratulations Kirsty! 🎉",
    "'crew shortage'. Alan's hip.",
    "a sheep on the car deck. Don't ask me how. Nobody knows how.",
    "'tide too low'. Which happens twice a day, every day, and has since the dawn of time.",
    "waiting for the fuel lorry, which was waiting for the ferry.",
    "'unexpected swell' in a flat calm.",
    "the galley kettle broke and nobody would sail without tea.",
    "a pod of dolphins in the harbour mouth and the skipper 'didn't want to disturb them'.",
    "'operational reasons'. The mystery deepens.",
    "the new mate got lost. On the boat.",
    "wind from the east. Apparently that's not allowed.",
    "gannets. Just 'gannets'. No further detail was given.",
    "an inspection by the inspectors of the inspection.",
    "the ramp. Again. The ramp is our nemesis.",
    "'fog'. There was fog. I'll allow it.",
]

ISLAND: list[tuple[str, frozenset[int] | None]] = [
    (
        "Ceilidh at the hall tonight. Whole population (64) plus one visiting birdwatcher who "
        "had no idea what he'd walked into.",
        None,
    ),
    (
        "Post came today! First in eight days. Three bills, a seed catalogue and a postcard "
        "from my sister in Lisbon. Envy.",
        None,
    ),
    (
        "Painted the tower door. Bright red. The wind will have it peeled by March but it "
        "looks grand today.",
        frozenset({5, 6, 7, 8}),
    ),
    ("The island shop has got oat milk in. Biggest news on Skerra since the new bench.", None),
    ("Up and down the 97 steps to the lamp room four times today. Who needs a gym.", None),
    (
        "Broadband's down, so this was typed at the one corner of the harbour wall with signal, "
        "in the rain, phone held up like the Statue of Liberty.",
        None,
    ),
    (
        "Wrote the annual maintenance report. Main findings: everything is rusty, everything is "
        "salty, everything is fine.",
        frozenset({11, 12}),
    ),
    (
        "Somebody left a bag of rhubarb on my doorstep with no note. Island love language.",
        frozenset({4, 5, 6}),
    ),
    (
        "Quiz night at the hall. Our team ('Lost at Sea') came second, beaten by the "
        "schoolteacher's team. As per.",
        None,
    ),
    (
        "A visitor asked if I get lonely out here. I have a cat, a starter, a telescope, and the "
        "sea. I'm never not busy.",
        SUMMER,
    ),
    (
        "Garden update: the potatoes survived the storm, the kale survived the storm, the fence "
        "did not survive the storm.",
        STORMY,
    ),
    (
        "Scrubbed the lamp room windows inside and out. Salt crust like a pretzel. The view "
        "afterwards was worth it.",
        None,
    ),
    (
        "Lost power, found candles, found the good chocolate I'd hidden from myself. Silver "
        "linings.",
        STORMY,
    ),
    (
        "The fog signal was switched off twenty years ago and visitors still ask me to 'do the "
        "foghorn'. I do the noise myself. They love it.",
        SUMMER,
    ),
    (
        "Some nights the beam goes round and round and I think about all the keepers before me "
        "watching the same sea. One link in a very long chain.",
        None,
    ),
    (
        "Three things that made today good: a clear sunrise, a seal pup on the beach, and the "
        "bread. Mostly the bread.",
        frozenset({10, 11}),
    ),
    (
        "Spring clean of the lamp room: found a 1970s logbook behind the cupboard. Entry for "
        "3rd March 1974: 'Gale. Ferry late.' Nothing changes.",
        frozenset({3, 4}),
    ),
    (
        "Christmas on the rock: the light, the cat, a roast for one and a video call with "
        "Tamsin. Merry Christmas from Skerra. 🎄",
        frozenset({12}),
    ),
    (
        "Hall committee meeting tonight. Agenda: the bench, the other bench, and whether we need "
        "a third bench. Two hours. No decision.",
        None,
    ),
    (
        "Polished the brass in the lamp room till I could see my face in it. Regretted seeing "
        "my face in it.",
        None,
    ),
    (
        "Swapped my old telescope eyepieces with Jo for a dozen eggs and a bag of tatties. She "
        "says she'll look at the moon. I'll believe it when I see it.",
        None,
    ),
    (
        "Islanders' guide to weather: if you can see the mainland it's going to rain. If you "
        "can't see the mainland it's raining.",
        None,
    ),
]

HATLINES_CALM = [
    "Hat: on.",
    "Hat: on, held down with one hand.",
    "Hat: not even risking it.",
    "Hat: tied on with baler twine.",
]
HAT_LOST = "Hat: gone. That's hat number {hats} of {year} to the Atlantic. 🎩🌊"
OBS_CLOSERS = ["Morning all.", "Obs sent.", "Kettle on.", "Lamp's off, kettle's on.", "", ""]


# (text, hours, pinned)
EVENTS: list[tuple[str, str, datetime, bool]] = [
    (
        "Partial eclipse this morning! The clouds parted for exactly four minutes at maximum. "
        "Photo through the solar filter and I'm ridiculously pleased with it. {media}",
        "morning",
        at(2021, 6, 10, 10, 31),
        True,
    ),
    (
        "PERSEIDS. Counted 41 in an hour from the garden, one so bright it left a trail. Lying "
        "on a sunlounger in a hat and gloves in August, as is tradition. #Perseids "
        "Clear skies, M. ✨",
        "night",
        at(2021, 8, 13, 0, 42),
        False,
    ),
    (
        "Faint aurora on the northern horizon tonight. Green glow and a couple of rays. Not the "
        "big show but I'll take it. #aurora",
        "night",
        at(2021, 11, 3, 22, 17),
        False,
    ),
    (
        "Geminids through gaps in the cloud. Saw twelve and one absolute fireball. Frozen solid. "
        "Worth it.",
        "night",
        at(2021, 12, 14, 23, 5),
        False,
    ),
    (
        "Hot cross buns for Good Friday. Crosses went a bit wonky, so these are hot slightly "
        "diagonal buns. 🍞",
        "morning",
        at(2022, 4, 15, 9, 48),
        False,
    ),
    (
        "Barnacle is 9 today! 🎂 Celebrated with a sardine and a firm refusal to wear the party "
        "hat.",
        "day",
        at(2022, 5, 9, 12, 3),
        False,
    ),
    (
        "ORCAS! Past the point at 2pm, a pod of five heading north. I'm still shaking. ORCAS. 🐋",
        "day",
        at(2022, 6, 18, 13, 22),
        False,
    ),
    (
        "Perseids vs the full moon, round two. The moon won. Saw six. SIX. #Perseids",
        "night",
        at(2022, 8, 13, 0, 11),
        False,
    ),
    (
        "Partial solar eclipse this morning, about a quarter of the sun bitten off. Watched it "
        "through a colander onto the bread board: dozens of little crescent suns. 🌘",
        "morning",
        at(2022, 10, 25, 10, 14),
        False,
    ),
    (
        "The Moon just swallowed Mars. Watched it vanish behind the edge at 4:56am and pop out "
        "the other side an hour later. Been up all night and I REGRET NOTHING. Clear skies, M. ✨",
        "morning",
        at(2022, 12, 8, 6, 4),
        False,
    ),
    (
        "Found the green comet! Fuzzy little smudge near Polaris, binoculars only. Last time it "
        "came by there were mammoths. #CometZTF",
        "night",
        at(2023, 1, 30, 21, 40),
        False,
    ),
    (
        "AURORA!!! GO OUTSIDE. IF YOU'RE ANYWHERE NORTH OF ANYWHERE, GO OUTSIDE NOW. Pillars "
        "right over the lighthouse. ✨✨✨ #aurora",
        "night",
        at(2023, 2, 26, 20, 51),
        False,
    ),
    (
        "Venus and Jupiter practically touching in the west tonight, two lamps hung side by "
        "side. Showed the ferry crew from the pier. Clear skies, M. ✨",
        "evening",
        at(2023, 3, 1, 19, 26),
        False,
    ),
    (
        "Ten years on Skerra today. Came for a six-month contract. Ha.",
        "day",
        at(2023, 4, 2, 11, 15),
        False,
    ),
    (
        "Another aurora! Red this time, right up to the zenith. Barnacle was not impressed. I "
        "was VERY impressed. #aurora",
        "night",
        at(2023, 4, 23, 22, 38),
        False,
    ),
    (
        "Barnacle is 10 today! Double figures. He celebrated by sleeping for fourteen hours, "
        "which is also how he celebrates Tuesdays. 🎂",
        "day",
        at(2023, 5, 9, 13, 30),
        False,
    ),
]

PHOTOS: list[tuple[str, frozenset[int] | None]] = [
    ("This morning from the gallery. {media}", None),
    ("Gloria's finest. Look at that ear. 🍞 #Sourdough {media}", None),
    ("Assistant Keeper Barnacle, on duty. #Caturday {media}", None),
    ("What the sea did to the breakwater last night. #StormWatch {media}", STORMY),
    (
        "Moonrise, taken with my phone held against the eyepiece and a lot of swearing. {media}",
        DARK,
    ),
    ("The Guillemot coming in through the spray. ⛴️ {media}", STORMY),
    ("Rock pool treasures. (Put them all back.) {media}", SUMMER),
    ("Sunset from the lamp room. Not bad for a Monday. {media}", None),
    (
        "Puffin count day! 🐧 (There is no puffin emoji. Somebody please fix this.) {media}",
        frozenset({5, 6}),
    ),
    (
        "Last night's aurora, once I'd stopped shrieking long enough to hold the phone still. "
        "{media}",
        None,
    ),  # pinned below
]

LINKS: list[tuple[str, str]] = [
    (
        "For everyone who asked what noctilucent clouds are: {link}",
        "https://en.wikipedia.org/wiki/Noctilucent_cloud",
    ),
    (
        "Reading about the old keepers' logbooks tonight. Three keepers to a rock, four weeks "
        "on, four off. {link}",
        "https://en.wikipedia.org/wiki/Lighthouse_keeper",
    ),
    (
        "Why the sea goes over the breakwater every seventh wave (it doesn't, exactly, but "
        "nearly): {link}",
        "https://en.wikipedia.org/wiki/Wind_wave",
    ),
    (
        "If you've never read the shipping forecast out loud to a cat, you haven't lived. {link}",
        "https://en.wikipedia.org/wiki/Shipping_Forecast",
    ),
    (
        "Good explainer on why sourdough goes sour. Gloria declined to comment. {link}",
        "https://en.wikipedia.org/wiki/Sourdough",
    ),
    (
        "The Beaufort scale, for anyone puzzled by my 'Wind: SW 8' posts. Force 12 is "
        "'hurricane'. Force 13 is 'Skerra in February'. {link}",
        "https://en.wikipedia.org/wiki/Beaufort_scale",
    ),
    (
        "Messier list, for the curious. I'm on 96 of 110. The last ones are all low in the "
        "south & hiding behind the hill. {link}",
        "https://en.wikipedia.org/wiki/Messier_object",
    ),
    (
        "Meteor showers for the rest of the year, if the clouds allow. Which they won't. {link}",
        "https://en.wikipedia.org/wiki/Meteor_shower",
    ),
    (
        "Dougie's harbour webcam is back up! Wave at the seals. {link}",
        "https://twitter.com/dougie_harbour/status/{status}",
    ),
]
URL_ONLY = [
    "https://en.wikipedia.org/wiki/Aurora",
    "https://en.wikipedia.org/wiki/Atlantic_puffin",
]

REPLIES: list[tuple[str, str]] = [
    ("dougie_harbour", "Tell the skipper there's a loaf with his name on it if the 4pm runs."),
    (
        "dougie_harbour",
        "Was that you waving from the pier? I waved back at what turned out to be a bollard.",
    ),
    ("dougie_harbour", "The ramp. Of course it's the ramp. 😂"),
    ("dougie_harbour", "Keep me one of the big mackerel, I'll swap you for a loaf."),
    ("IslaBakesBread", "Ooh that crumb! What hydration are you using? Gloria's sulking at 75%."),
    ("IslaBakesBread", "Cardamom AND orange zest? Stealing this. Will report back."),
    ("IslaBakesBread", "Mine went flat too. Blaming the weather, as is traditional."),
    (
        "PorthAstroSoc",
        "Clouded out here too, sadly. Next clear night I'll bring the Dob over on the ferry (ha).",
    ),
    ("PorthAstroSoc", "Count me in for the talk! If the ferry runs. Big if."),
    ("PorthAstroSoc", "Lovely shot of M42! Is that the new camera?"),
    (
        "tamsin_tregenna",
        "Lisbon looks glorious. Send sunshine. Send it by post, it might arrive by Easter.",
    ),
    ("tamsin_tregenna", "Mum's recipe! Knew I'd get you baking eventually. 💛"),
    ("tamsin_tregenna", "He's fine, he's asleep on the radio. Stop worrying about the cat."),
    (
        "SkerraFerries",
        "Any update on the 1430? There are about twelve of us in the car park & "
        "one of us is a cat.",
    ),
    (
        "SkerraFerries",
        "Thank you to the crew for getting us across today, that was a proper rough one.",
    ),
    ("fiona_weathers", "81mph at our station at 0340. The rain gauge has given up and gone home."),
    ("fiona_weathers", "Pressure bottomed out at 951 here. Ears popping in the lamp room."),
    ("fiona_weathers", "Flat calm here, which I find deeply suspicious."),
    ("seabird_survey", "Counted 212 on the west stack this morning! Up on last year, I think?"),
    ("seabird_survey", "Fulmars are back on the ledge below the lamp room, at least eight pairs."),
    ("northsky_notes", "Saw it! Bright green for a good five minutes over the lighthouse."),
    ("northsky_notes", "Clouded out on Skerra, gutted. Next time."),
    ("northsky_notes", "Naked eye here too, just! Binoculars made all the difference."),
    ("morags_shop", "Save me two pints if it comes in? I'll bring you a loaf."),
    ("morags_shop", "OAT MILK. Morag you absolute hero."),
    ("RuaridhPhoto", "That's a stunning shot of the light. Mind if I share it?"),
    ("RuaridhPhoto", "You're welcome any time, bring the tripod & a very warm coat."),
    ("coastal_kate", "Glass float twins! Where did yours wash up?"),
    ("coastal_kate", "The doll's arm is still on my windowsill. I don't know why either."),
    ("skerra_school", "Thank you for having me! Tell the class the satsuma is doing fine."),
    (
        "lighthouse_lore",
        "Skerra light was first lit in 1854 & automated in 1998. I'm the "
        "attendant keeper now, which mostly means polishing and paperwork.",
    ),
    ("lighthouse_lore", "Ours has 97 steps. I've counted. Many, many times."),
    ("hebrideanhen", "Your hens are laying in this weather? Mine would be filing a complaint."),
    ("hebrideanhen", "Eggs for bread, same as always? ❤️"),
    ("fiona_weathers", "Ha! Same here, sideways rain and then sunshine by lunch. 🌦️"),
]

RETWEETS: list[tuple[str, str]] = [
    (
        "SkerraFerries",
        "SERVICE UPDATE: Due to adverse weather conditions all sailings "
        "between Porthmorrow and Skerra are cancelled for the rest of today. Please check back "
        "tomorrow morning for further updates.",
    ),
    (
        "SkerraFerries",
        "The 0730 Porthmorrow - Skerra sailing will depart approximately 45 "
        "minutes late due to a technical issue with the linkspan. We apologise for any "
        "inconvenience caused.",
    ),
    (
        "SkerraFerries",
        "Our summer timetable starts on Monday. Please note the new Sunday "
        "sailing times and remember to book vehicles in advance!",
    ),
    (
        "PorthAstroSoc",
        "Our next public observing night is on Friday at the harbour car "
        "park from 8pm. Telescopes provided, hot chocolate provided, clear skies NOT "
        "guaranteed. All welcome!",
    ),
    (
        "PorthAstroSoc",
        "Tonight's talk: 'Keeping the lights on: a lighthouse keeper's "
        "sky' with our very own @mags_lamproom. 7.30pm at the library, all welcome.",
    ),
    (
        "PorthAstroSoc",
        "Geminid meteor shower peaks tonight! Best after 10pm, look "
        "anywhere, give your eyes 20 minutes to adjust. Let us know what you see 🌠",
    ),
    (
        "northsky_notes",
        "Strong geomagnetic activity expected tonight. If skies are clear, "
        "look north after dark. Aurora possible across the northern isles.",
    ),
    (
        "northsky_notes",
        "Jupiter is at opposition tonight: biggest and brightest it gets all "
        "year. Even small binoculars will show its four largest moons.",
    ),
    (
        "northsky_notes",
        "Comet C/2022 E3 (ZTF) is now an easy binocular object for northern "
        "observers, passing close to Polaris this week. Look for a faint green smudge.",
    ),
    (
        "northsky_notes",
        "Noctilucent cloud season is underway. Look low in the north around "
        "midnight for electric blue ripples.",
    ),
    (
        "fiona_weathers",
        "Amber warning for wind for the northern isles from 6pm tonight. Gusts "
        "of 80-90mph possible on exposed coasts. Secure loose objects & stay safe, folks.",
    ),
    (
        "fiona_weathers",
        "Pressure chart for tomorrow is a thing of beauty. Isobars like a "
        "fingerprint. If you live on an island, get the bread in now.",
    ),
    (
        "fiona_weathers",
        "Quick reminder that 'bright spells' is doing a lot of heavy lifting in today's forecast.",
    ),
    (
        "seabird_survey",
        "Volunteers needed for this year's puffin count on Skerra and the "
        "outer stacks! Training provided, waterproofs essential.",
    ),
    (
        "seabird_survey",
        "Preliminary results are in: puffin burrows on Skerra up 8% on last "
        "year. Huge thanks to our volunteer counters 🐧",
    ),
    ("dougie_harbour", "Harbour's full of mackerel this morning. Bring a bucket."),
    (
        "dougie_harbour",
        "Anyone missing a blue fish box? Turned up at the slipway after last "
        "night's blow. Also a rubber duck.",
    ),
    (
        "morags_shop",
        "Delivery is in! Bread flour, milk, eggs, oat milk (yes, really), and "
        "the good biscuits. First come first served.",
    ),
    (
        "morags_shop",
        "Shop will be closed Thursday afternoon for the funeral. Thinking of the family.",
    ),
    (
        "IslaBakesBread",
        "Sourdough tip: your starter isn't dead, it's just sulking. Feed it "
        "twice a day somewhere warm for three days before you give up on it.",
    ),
    (
        "IslaBakesBread",
        "Today's bake: seeded rye with treacle. Dense, dark and exactly what "
        "this weather calls for.",
    ),
    (
        "tamsin_tregenna",
        "My big sister keeps a lighthouse, bakes the best bread in the north, "
        "and owns the rudest cat alive. Go follow her: @mags_lamproom",
    ),
    (
        "RuaridhPhoto",
        "Skerra light under the aurora last night. One of those nights you don't forget.",
    ),
    (
        "skerra_school",
        "Huge thanks to @mags_lamproom for teaching us about the moon today. "
        "We used a torch and a satsuma! Primary 1-7 are now very keen astronomers.",
    ),
    (
        "lighthouse_lore",
        "Keepers used to clean the lenses with a mix of spirits and whiting, "
        "and wore linen aprons in the lamp room so no wool fibres would scratch the glass.",
    ),
    (
        "lighthouse_lore",
        "Today in 1854: Skerra lighthouse was first lit. Its light has shown "
        "every night since, through two world wars and countless storms.",
    ),
    (
        "coastal_kate",
        "Beachcombing rule number one: there is always rope. Rule number two: "
        "nobody knows where the single shoes come from.",
    ),
    ("hebrideanhen", "The hens have declared winter. Laying has ceased. Negotiations are ongoing."),
    (
        "fiona_weathers",
        "Here's a thing: the Shipping Forecast areas haven't changed since "
        "2002. The sea has, slightly.",
    ),
]

# When a retweet, reply or quote only makes sense at a certain time: a substring of its text ->
# a fixed moment or the months it may fall in.
TIMING: dict[str, datetime | frozenset[int]] = {
    "Comet C/2022 E3": at(2023, 1, 28, 18, 5),
    "Jupiter is at opposition": at(2022, 9, 26, 17, 40),
    "Geminid meteor shower peaks": at(2022, 12, 14, 16, 2),
    "Noctilucent cloud season": frozenset({6}),
    "Strong geomagnetic activity": at(2023, 4, 23, 18, 12),
    "Skerra light under the aurora": at(2023, 2, 27, 11, 26),
    "Our summer timetable": frozenset({4, 5}),
    "Volunteers needed": frozenset({4, 5}),
    "Preliminary results": frozenset({8, 9}),
    "Counted 212": frozenset({5, 6}),
    "Amber warning": STORMY,
    "Pressure chart": STORMY,
    "hens have declared winter": frozenset({11, 12}),
    "Huge thanks to @mags_lamproom": at(2021, 11, 16, 15, 8),
    "Tell the class the satsuma": at(2021, 11, 16, 15, 41),
    "Saw it! Bright green": at(2021, 11, 3, 23, 2),
    "Anyone managed to spot the comet": at(2023, 2, 1, 22, 14),
    "81mph at our station": STORMY,
    "Pressure bottomed out": STORMY,
    "Fulmars are back": frozenset({5}),
    "harbour's full of mackerel": SUMMER,
    "Harbour's full of mackerel": SUMMER,
    "Tonight's talk": frozenset({10, 11, 2, 3}),
    "Today in 1854": at(2022, 9, 1, 9, 30),
}


def timing(text: str) -> tuple[frozenset[int] | None, datetime | None]:
    for needle, when in TIMING.items():
        if needle in text:
            return (None, when) if isinstance(when, datetime) else (when, None)
    return None, None


QUOTES: list[tuple[str, str, str, str]] = [
    (
        "SkerraFerries",
        "Due to adverse weather conditions the 0730 sailing is cancelled.",
        '"',
        "Adverse weather = a light breeze from the east.",
    ),
    (
        "PorthAstroSoc",
        "Anyone managed to spot the comet yet?",
        "“",
        "Yes! From the lighthouse garden, binoculars, just after 10pm. Tiny & green.",
    ),
    ("dougie_harbour", "harbour's full of mackerel, bring a bucket", '"', "On my way!!!"),
    ("IslaBakesBread", "What's everyone baking this weekend?", "“", "Cardamom buns and regret."),
]

THREADS: list[tuple[list[tuple[str, int]], str, datetime | None]] = [
    (
        [
            (
                "Big blow coming in tonight. I'll keep a running log here for everyone on the "
                "mainland who keeps texting me. 🧵 #StormWatch",
                0,
            ),
            (
                "21:40: gusting 70 now. The whole tower is humming. Barnacle is under the duvet "
                "and declining to comment.",
                2 * 3600 + 25 * 60,
            ),
            (
                "23:15: power's gone. Light's on the backup and turning nicely, which is the "
                "only thing that really matters.",
                3 * 3600 + 58 * 60,
            ),
            (
                "06:30: through it. Neighbour's shed roof is in my garden, greenhouse is in "
                "pieces, tower absolutely fine. She was built in 1854, she's seen worse. "
                "Coffee. ☕",
                11 * 3600 + 17 * 60,
            ),
        ],
        "evening",
        at(2022, 2, 18, 19, 13),
    ),
    (
        [
            (
                "Since a few folk have asked how I ended up keeping a light on a rock in the "
                "Atlantic, a short thread. 🧵",
                0,
            ),
            (
                "Grew up in Cornwall, twenty years in a bakery in Truro, got divorced, saw an "
                "advert for an attendant keeper on an island I'd never heard of. Applied as a "
                "joke.",
                160,
            ),
            (
                "They rang back. I came for six months. That was 2013. The cat came with the "
                "job, the telescope came later, and Gloria came with me in a jam jar on my lap "
                "the whole way up.",
                330,
            ),
        ],
        "evening",
        None,
    ),
    (
        [
            (
                "Beginner stargazing thread, because lots of you are new here since the aurora. "
                "Hello! 🔭",
                0,
            ),
            (
                "1. You don't need a telescope. Binoculars and somewhere dark do 90% of it. Give "
                "your eyes 20 minutes and DON'T look at your phone.",
                95,
            ),
            (
                "2. Get a red torch (or red cellophane over a normal one). Learn one "
                "constellation properly, Orion in winter or the Plough any time, and hop from "
                "there.",
                240,
            ),
            (
                "3. Be patient with the clouds. Most nights are cloudy. The clear ones are worth "
                "it. Clear skies, M. ✨",
                410,
            ),
        ],
        "evening",
        at(2023, 3, 3, 19, 44),
    ),
    (
        [
            (
                "Right, everyone's asking about Gloria's bread. Here's how I do it, "
                "lighthouse-style. 🍞🧵",
                0,
            ),
            (
                "Feed the starter the night before: 100g flour, 100g water, 50g starter. Leave "
                "her somewhere warm. On Skerra that means next to the boiler.",
                140,
            ),
            (
                "Mix, rest, fold every half hour for two hours, shape, fridge overnight. Hottest "
                "oven you've got: lid on 20 mins, lid off 25. Don't open the oven to look. I "
                "know. I KNOW. #Sourdough",
                300,
            ),
        ],
        "morning",
        None,
    ),
]

SPLITS: list[tuple[str, str, str]] = [
    (
        "Things nobody tells you about island life: you'll know the exact weight of a sack of "
        "flour, the time of every high tide, and the mood of the ferry skipper by the way he "
        "ties up...",
        "...and none of it is any use on the mainland, where I am hopeless at traffic lights.",
        "day",
    ),
    (
        "The thing about watching the sea every day for ten years is you stop seeing it as one "
        "thing. It's a different animal every morning…",
        "…some days a sulking dog, some days a racehorse, some days a cat that wants to be left "
        "alone. Today: racehorse.",
        "morning",
    ),
    (
        "Spent the whole evening setting up for the meteor shower: tripod weighed down with "
        "rocks, batteries warming in my pocket, lens cleaned...",
        "...and then realised I'd left the lens cap on for the first forty minutes. Astronomy "
        "is a humbling hobby.",
        "night",
    ),
    (
        "Dougie says the ferry's late because of 'a problem with the ramp', which is what he "
        "said last Tuesday, and the Tuesday before, and I'm starting to think the ramp…",
        "…is not a ramp at all but a state of mind.",
        "day",
    ),
    (
        "My mother used to say you can tell everything about a person by how they handle bread "
        "dough. Gentle but firm, patient, no fuss...",
        "... which is exactly how she handled me, and I miss her most on bake days. 🍞",
        "morning",
    ),
]

EXACT_DUPLICATES = [
    "Lamp's lit. Night all. 🌊",
    "Ferry cancelled. Again. 🙃",
    "Cloudy. Again. The telescope stays in its box.",
]
NEAR_DUPLICATES: list[tuple[str, str]] = [
    (
        "Flat calm this morning. I don't trust it one bit.",
        "flat calm this morning, i don't trust it one bit",
    ),
    ("GLORIA HAS RISEN. 🍞 #Sourdough", "Gloria has risen! 🍞 #sourdough"),
    ("The Guillemot is late. Of course it is.", "the guillemot is late... of course it is"),
]
EARLY_FERRY = (
    "The Guillemot is EARLY. I repeat: EARLY. Eleven minutes early. Dougie thinks "
    "it's a sign of the end times. ⛴️"
)


# -- building ---------------------------------------------------------------------------------
class Builder:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.blocks: list[Block] = []

    def single(
        self,
        post: Post,
        hours: str = "any",
        months: frozenset[int] | None = None,
        pinned: datetime | None = None,
    ) -> Block:
        block = Block([post], hours=hours, months=months, pinned=pinned)
        self.blocks.append(block)
        return block

    def build(self) -> None:
        rng = self.rng
        single = self.single
        for pool, kind, hours in (
            (WEATHER, "weather", "morning"),
            (SEA, "sea", "day"),
            (STARS, "stars", "night"),
            (CAT, "cat", "any"),
            (BREAD, "bread", "morning"),
            (FERRY, "ferry", "day"),
            (ISLAND, "island", "any"),
        ):
            for text, months in pool:
                if "torch and a satsuma" in text:
                    single(Post(kind, text), pinned=at(2021, 11, 16, 12, 37))
                    continue
                if "Come on, opposition" in text:  # Mars opposition: December 2022
                    single(Post(kind, text), pinned=at(2022, 10, 19, 23, 12))
                    continue
                source = WEB_APP if len(text) > 150 and rng.random() < 0.4 else ANDROID
                single(Post(kind, text, source=source), hours, months)

        # Weather observations in her "Wind / Sea / Hat" format (and the running hat count).
        directions = ["SW", "SW", "W", "W", "NW", "S", "SE", "N", "NE", "E"]
        for _ in range(16):
            force = rng.choice([4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 10])
            gust = f", gusting {force + rng.choice([1, 2])}" if force >= 6 else ""
            hat = HAT_LOST if force >= 7 and rng.random() < 0.55 else rng.choice(HATLINES_CALM)
            closer = rng.choice(OBS_CLOSERS)
            text = f"Wind: {rng.choice(directions)} {force}{gust}. Sea: {BEAUFORT_SEA[force]}. "
            text = (text + f"{hat} {closer}").strip()
            months = STORMY if force >= 7 else None
            single(Post("weather_obs", text), "morning", months)

        for excuse in LEDGER_EXCUSES:
            single(Post("ferry_ledger", "Ferry excuse ledger, entry #{ledger}: " + excuse), "day")
        single(Post("ferry", EARLY_FERRY, likes=57), "day", pinned=at(2022, 7, 21, 8, 4))

        for text, hours, when, has_media in EVENTS:
            likes = 412 if text.startswith("AURORA") else None
            reposts = 88 if likes else None
            kind = "photo" if has_media else "event"
            single(
                Post(kind, text, media=has_media, likes=likes, reposts=reposts), hours, pinned=when
            )

        for text, months in PHOTOS:
            pinned = at(2023, 2, 27, 8, 2) if "aurora" in text else None
            single(
                Post("photo", text, media=True, likes=(233 if pinned else None)),
                "day",
                months,
                pinned,
            )
        for when in (
            at(2021, 10, 4, 7, 51),
            at(2022, 1, 30, 9, 12),
            at(2022, 9, 17, 19, 40),
            at(2023, 2, 27, 0, 3),
            at(2023, 6, 11, 21, 58),
        ):
            single(Post("media_only", "{media}", media=True, lang="zxx"), pinned=when)

        for text, url in LINKS:
            if "{status}" in url:
                url = url.format(status=snowflake(rng, at(2022, 11, 2, 9, 0)))
            single(Post("link", text, links=(url,), source=WEB_APP), "evening")
        for url in URL_ONLY:
            single(Post("url_only", "{link}", links=(url,), lang="zxx"), "evening")

        for handle, text in REPLIES:
            lang = "en"
            months, pinned = timing(text)
            single(
                Post("reply", f"@{handle} {text}", reply_to=handle, lang=lang),
                "any",
                months,
                pinned,
            )
        single(
            Post(
                "handle_only",
                "@dougie_harbour @SkerraFerries",
                reply_to="dougie_harbour",
                lang="qam",
            ),
            "day",
        )

        for handle, body in RETWEETS:
            months, pinned = timing(body)
            single(
                Post("retweet", f"RT @{handle}: {body}", likes=0, reposts=0), "any", months, pinned
            )

        for handle, words, quote_mark, reply in QUOTES:
            close = "”" if quote_mark == "“" else '"'
            months, pinned = timing(words)
            single(
                Post("quote", f"{quote_mark}@{handle}: {words}{close} {reply}"),
                "day",
                months,
                pinned,
            )

        for posts, hours, pinned in THREADS:
            thread = [
                Post("thread", text, offset=offset, source=WEB_APP, reply_to=HANDLE if i else None)
                for i, (text, offset) in enumerate(posts)
            ]
            self.blocks.append(Block(thread, hours=hours, pinned=pinned))

        for first, second, hours in SPLITS:
            gap = rng.randint(60, 180)
            self.blocks.append(
                Block([Post("split", first), Post("split", second, offset=gap)], hours=hours)
            )

        for text in EXACT_DUPLICATES:
            original = single(Post("duplicate_original", text), "night")
            self.blocks.append(Block([Post("duplicate", text)], hours="night", after=original))
        for text, variant in NEAR_DUPLICATES:
            original = single(Post("near_duplicate_original", text), "day")
            self.blocks.append(
                Block([Post("near_duplicate", variant)], hours="day", after=original)
            )

    # -- time layout ---------------------------------------------------------------------------
    def layout(self) -> list[Post]:
        rng = self.rng
        span_days = (END - START).days
        taken: set[datetime] = set()

        def pick(hours: str, months: frozenset[int] | None) -> datetime:
            while True:
                day = START + timedelta(days=rng.randrange(span_days))
                if months is None or day.month in months:
                    break
            moment = day.replace(
                hour=rng.choice(HOURS[hours]), minute=rng.randrange(60), second=rng.randrange(60)
            )
            return moment if moment not in taken else pick(hours, months)

        for block in self.blocks:
            if block.after is not None:
                continue
            block.anchor = block.pinned or pick(block.hours, block.months)
            if block.pinned is not None:
                block.anchor = block.pinned.replace(second=rng.randrange(60))
            taken.add(block.anchor)
        for block in self.blocks:
            if block.after is not None:
                assert block.after.anchor is not None
                weeks = timedelta(days=rng.randint(18, 60))
                moment = block.after.anchor + weeks
                if moment > END:
                    moment = block.after.anchor - weeks
                block.anchor = moment.replace(
                    hour=rng.choice(HOURS[block.hours]),
                    minute=rng.randrange(60),
                    second=rng.randrange(60),
                )

        posts: list[Post] = []
        for block in self.blocks:
            assert block.anchor is not None
            for post in block.posts:
                post.created = block.anchor + timedelta(seconds=post.offset)
                posts.append(post)
        posts.sort(key=lambda p: p.created or START)
        last = 0
        for post in posts:
            assert post.created is not None
            post.id = max(snowflake(rng, post.created), last + rng.randint(1 << 22, 1 << 30))
            last = post.id
        # the running counters follow the timeline
        ledger = 0
        hats: Counter[int] = Counter()
        for post in posts:
            assert post.created is not None
            if "{ledger}" in post.text:
                ledger += 1
                post.text = post.text.replace("{ledger}", str(ledger))
            if "{hats}" in post.text:
                hats[post.created.year] += 1
                post.text = post.text.replace("{hats}", str(hats[post.created.year]))
                post.text = post.text.replace("{year}", str(post.created.year))
        return posts


def snowflake(rng: random.Random, moment: datetime) -> int:
    ms = int(moment.timestamp() * 1000) + rng.randrange(1000)
    return ((ms - TWITTER_EPOCH_MS) << 22) | (rng.randrange(1 << 10) << 12) | rng.randrange(4096)


def tco(rng: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits
    return "https://t.co/" + "".join(rng.choice(alphabet) for _ in range(10))


def display_url(url: str) -> str:
    shown = re.sub(r"^https?://(www\.)?", "", url)
    return shown if len(shown) <= 26 else shown[:26] + "…"


def twitter_time(moment: datetime) -> str:
    return moment.strftime("%a %b %d %H:%M:%S +0000 %Y")


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def span(text: str, needle: str, start: int = 0) -> list[str]:
    begin = text.index(needle, start)
    return [str(begin), str(begin + len(needle))]


MENTION = re.compile(r"(?<![\w&])@(\w{1,15})")
HASHTAG = re.compile(r"(?<![\w&/])#(\w*[A-Za-z_]\w*)")


def render(post: Post, rng: random.Random) -> dict[str, Any]:
    assert post.created is not None
    id_str = str(post.id)
    text = post.text
    urls: list[tuple[str, str]] = []
    for url in post.links:
        short = tco(rng)
        text = text.replace("{link}", short, 1)
        urls.append((short, url))
    media_link = tco(rng) if post.media else None
    if media_link:
        text = text.replace("{media}", media_link)
    if post.kind == "retweet" and len(text) > 140:
        text = text[:139].rstrip() + "…"
    full_text = escape(text)

    mentions = []
    for match in MENTION.finditer(full_text):
        handle = match.group(1)
        if handle not in ACCOUNTS and full_text.endswith("…") and match.end() == len(text) - 1:
            continue  # a handle cut off by the retweet truncation: no entity, as on Twitter
        name, account = ACCOUNTS[handle]
        mentions.append(
            {
                "name": name,
                "screen_name": handle,
                "indices": [str(match.start()), str(match.end())],
                "id_str": account,
                "id": account,
            }
        )
    hashtags = [
        {"text": m.group(1), "indices": [str(m.start()), str(m.end())]}
        for m in HASHTAG.finditer(full_text)
    ]
    url_entities = [
        {
            "url": short,
            "expanded_url": url,
            "display_url": display_url(url),
            "indices": span(full_text, short),
        }
        for short, url in urls
        if short in full_text
    ]
    entities: dict[str, Any] = {
        "hashtags": hashtags,
        "symbols": [],
        "user_mentions": mentions,
        "urls": url_entities,
    }
    tweet: dict[str, Any] = {
        "edit_info": {
            "initial": {
                "editTweetIds": [id_str],
                "editableUntil": (post.created + timedelta(minutes=30)).strftime(
                    "%Y-%m-%dT%H:%M:%S.000Z"
                ),
                "editsRemaining": "5",
                "isEditEligible": post.reply_to is None or post.reply_to == HANDLE,
            }
        },
        "retweeted": False,
        "source": post.source,
        "entities": entities,
        "display_text_range": ["0", str(len(full_text))],
        "favorite_count": "0",
        "id_str": id_str,
        "truncated": False,
        "retweet_count": "0",
        "id": id_str,
        "created_at": twitter_time(post.created),
        "favorited": False,
        "full_text": full_text,
        "lang": post.lang,
    }
    if post.kind == "retweet":
        tweet["favorite_count"], tweet["retweet_count"] = "0", "0"
    else:
        drawn = min(140, int(rng.paretovariate(1.6) * 3) - 2)
        likes = post.likes if post.likes is not None else drawn
        reposts = post.reposts if post.reposts is not None else max(0, likes // 6 - 1)
        tweet["favorite_count"] = str(max(0, likes))
        tweet["retweet_count"] = str(max(0, reposts))

    if media_link:
        media_id = str(snowflake(rng, post.created - timedelta(seconds=rng.randint(5, 90))))
        name = "".join(rng.choice(string.ascii_letters + string.digits + "-_") for _ in range(15))
        item = {
            "expanded_url": f"https://twitter.com/{HANDLE}/status/{id_str}/photo/1",
            "indices": span(full_text, media_link),
            "url": media_link,
            "media_url": f"http://pbs.twimg.com/media/{name}.jpg",
            "id_str": media_id,
            "id": media_id,
            "media_url_https": f"https://pbs.twimg.com/media/{name}.jpg",
            "sizes": {
                "small": {"w": "680", "h": "510", "resize": "fit"},
                "large": {"w": "2048", "h": "1536", "resize": "fit"},
                "thumb": {"w": "150", "h": "150", "resize": "crop"},
                "medium": {"w": "1200", "h": "900", "resize": "fit"},
            },
            "type": "photo",
            "display_url": "pic.twitter.com/" + media_link.rsplit("/", 1)[1],
        }
        entities["media"] = [item]
        tweet["extended_entities"] = {"media": [dict(item)]}
    if url_entities or media_link:
        tweet["possibly_sensitive"] = False

    if post.reply_to is not None:
        name, account = ACCOUNTS[post.reply_to]
        if post.reply_to == HANDLE:
            assert post.parent_id is not None
            parent = post.parent_id
        else:
            parent = str(snowflake(rng, post.created - timedelta(minutes=rng.randint(4, 400))))
        tweet["in_reply_to_status_id_str"] = parent
        tweet["in_reply_to_status_id"] = parent
        tweet["in_reply_to_user_id"] = account
        tweet["in_reply_to_user_id_str"] = account
        tweet["in_reply_to_screen_name"] = post.reply_to
    return {"tweet": tweet}


@dataclass
class Archive:
    tweets: list[dict[str, Any]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


def generate(seed: int = SEED) -> Archive:
    rng = random.Random(seed)
    builder = Builder(rng)
    builder.build()
    posts = builder.layout()
    # thread replies point at the previous post of the same thread
    for block in builder.blocks:
        for previous, post in zip(block.posts, block.posts[1:], strict=False):
            if post.reply_to == HANDLE:
                post.parent_id = str(previous.id)
    texts = Counter(post.text for post in posts if post.text not in ("{media}", "{link}"))
    repeated = {text for text, n in texts.items() if n > 1}
    assert repeated == set(EXACT_DUPLICATES), repeated - set(EXACT_DUPLICATES)
    archive = Archive()
    for post in posts:
        archive.tweets.append(render(post, rng))
        archive.counts[post.kind] += 1
    archive.tweets.reverse()  # real archives list the newest tweet first
    return archive


def manifest(count: int, size: int) -> dict[str, Any]:
    return {
        "userInfo": {"accountId": ACCOUNT_ID, "userName": HANDLE, "displayName": DISPLAY_NAME},
        "archiveInfo": {
            "sizeBytes": str(size),
            "generationDate": GENERATED,
            "isPartialArchive": False,
            "maxPartSizeBytes": "53687091200",
        },
        "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
        "dataTypes": {
            "account": {
                "files": [
                    {"fileName": "data/account.js", "globalName": "YTD.account.part0", "count": "1"}
                ]
            },
            "tweets": {
                "mediaDirectory": "data/tweets_media",
                "files": [
                    {
                        "fileName": "data/tweets.js",
                        "globalName": "YTD.tweets.part0",
                        "count": str(count),
                    }
                ],
            },
            "tweetsMedia": {"mediaDirectory": "data/tweets_media"},
        },
    }


def dump(prefix: str, payload: Any) -> str:
    body = json.dumps(payload, indent=2, ensure_ascii=False, separators=(",", " : "))
    return f"{prefix} = {body}\n"


def main() -> None:
    archive = generate()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    tweets_js = dump("window.YTD.tweets.part0", archive.tweets)
    (OUT_DIR / "tweets.js").write_text(tweets_js, encoding="utf-8")
    account = [
        {
            "account": {
                "email": EMAIL,
                "createdVia": "web",
                "username": HANDLE,
                "accountId": ACCOUNT_ID,
                "createdAt": ACCOUNT_CREATED,
                "accountDisplayName": DISPLAY_NAME,
            }
        }
    ]
    account_js = dump("window.YTD.account.part0", account)
    (OUT_DIR / "account.js").write_text(account_js, encoding="utf-8")
    size = len(tweets_js.encode()) + len(account_js.encode())
    manifest_js = dump("window.__THAR_CONFIG", manifest(len(archive.tweets), size))
    (OUT_DIR / "manifest.js").write_text(manifest_js, encoding="utf-8")

    print(f"wrote {len(archive.tweets)} tweets for @{HANDLE} to {OUT_DIR}")
    for kind, count in sorted(archive.counts.items()):
        print(f"  {kind:24} {count}")


if __name__ == "__main__":
    main()
