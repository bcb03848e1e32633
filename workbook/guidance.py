"""The words of the app: field prompts, help, placeholders, and stage and framework guidance."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.model import FourA, SevenP, SituationType
from workbook.paths import schema_path
from workbook.stages import Stage


@dataclass(frozen=True)
class Guide:
    """What the wizard shows beside one field."""

    prompt: str
    """The short question used as the field's label."""
    help: str
    """One or two plain sentences: why the field matters and what a good answer holds."""
    placeholder: str
    """A short example of a good answer, shown greyed in the empty field."""


FIELD_GUIDES: dict[str, Guide] = {
    # ------------------------------------------------------------ plan details
    "details.title": Guide(
        "What shall we call this plan?",
        "A name you will recognise in a list of plans and on the cover of the PDF.",
        "Social media plan 2026 for Crumb & Co.",
    ),
    "details.organisation": Guide(
        "Which business is this plan for?",
        "The name customers know you by, as it should appear on the strategy document.",
        "Crumb & Co. Bakery",
    ),
    "details.industry": Guide(
        "What line of work are you in?",
        "A few words are enough; it reminds everyone which conversations are worth following.",
        "Independent bakery and café",
    ),
    "details.location": Guide(
        "Where are you based?",
        "The town or area you serve. For a local business, most conversations that matter "
        "happen close to home.",
        "Harbour Street, Wrenford",
    ),
    "details.website": Guide(
        "What is your website address?",
        "Your main web address, if you have one. Leave it empty if you do not.",
        "https://crumbandco.example.com",
    ),
    "details.offering": Guide(
        "What do you offer?",
        "Describe what you make or do in everyday words, the way you would tell a neighbour.",
        "Sourdough, pastries and celebration cakes, baked on site every morning",
    ),
    "details.audience": Guide(
        "Who do you serve?",
        "The people who buy from you or could: locals, families, other businesses. Be specific.",
        "Families nearby, commuters on the 7:40 train, cafés that buy our bread wholesale",
    ),
    "details.prepared_for": Guide(
        "Who is this plan prepared for?",
        "The person or team who will act on the plan; it appears on the cover.",
        "Maria Okafor, owner",
    ),
    "details.prepared_by": Guide(
        "Who prepared it?",
        "You, or the adviser who ran the workshop; it appears on the cover.",
        "Sam Ellis, Ellis Digital Advice",
    ),
    "details.plan_date": Guide(
        "When was this version of the plan made?",
        "The date of this version, so everyone knows how fresh it is.",
        "12 March 2026",
    ),
    "details.revision_note": Guide(
        "What changed in this version?",
        "A line about what is new since the last version. Handy when a plan is revisited.",
        "Added the Saturday market stall and the new complaints route",
    ),
    # ------------------------------------------------------------ 1. management: presence
    "management.presence.platform": Guide(
        "Which platform is it on?",
        "Pick the service this account lives on. Use Other for anything not listed.",
        "Instagram",
    ),
    "management.presence.handle": Guide(
        "What is the account's handle or address?",
        "The name people search for, or the full web address of the page.",
        "@crumbandco_bakes",
    ),
    "management.presence.purpose": Guide(
        "What is this account for?",
        "One line on why it exists and whom it helps. An account without a reason is a "
        "candidate to retire.",
        "Show the day's bakes and answer questions about opening times and allergens",
    ),
    "management.presence.owner": Guide(
        "Who looks after it?",
        "The one person who keeps this account alive and answers for it.",
        "Maria",
    ),
    "management.presence.backup_owner": Guide(
        "Who covers when they are away?",
        "Someone who can step in during holidays or illness, so nobody is left waiting.",
        "Tom",
    ),
    "management.presence.status": Guide(
        "Is it in use?",
        "Active, dormant, still planned, or due to be closed. Old, forgotten accounts still "
        "speak for you, so mark them to retire.",
        "Active",
    ),
    "management.presence.credentials_location": Guide(
        "Where is the login kept?",
        "Say where the login lives, such as a shared password manager or a sealed envelope "
        "in the safe. Never type the password itself here.",
        "Shared password manager, 'Bakery' vault",
    ),
    # ------------------------------------------------------------ people and permissions
    "management.people.name": Guide(
        "Who is it?",
        "Everyone who will take part, even if only to keep an eye on comments.",
        "Priya Shah",
    ),
    "management.people.role": Guide(
        "What is their role?",
        "Their job in the business, so it is clear why they have the permissions they do.",
        "Front-of-house manager",
    ),
    "management.people.can_listen": Guide(
        "May they listen?",
        "Tick if this person reads conversations and adds listening notes.",
        "Yes",
    ),
    "management.people.can_draft": Guide(
        "May they draft posts and replies?",
        "Tick if they may write posts or replies for someone else to check.",
        "Yes",
    ),
    "management.people.can_publish": Guide(
        "May they publish?",
        "Tick if they may post in the business's name without a second pair of eyes.",
        "No",
    ),
    "management.people.can_answer_complaints": Guide(
        "May they answer complaints?",
        "Tick if they may reply when someone is unhappy. Choose people who stay calm and "
        "can put things right.",
        "Yes",
    ),
    "management.people.can_approve": Guide(
        "May they approve others' posts?",
        "Tick if they may sign off drafts written by others.",
        "No",
    ),
    "management.people.accountable": Guide(
        "Are they accountable if something wrong is posted?",
        "Tick for the person who answers for mistakes and puts them right. There should be "
        "exactly one.",
        "Yes",
    ),
    "management.people.notes": Guide(
        "Anything else to note?",
        "Working hours, training still needed, or limits on what they post.",
        "Works weekends; will do the allergen training in April",
    ),
    # ------------------------------------------------------------ governance
    "management.governance.policy_status": Guide(
        "Do you have a social media policy?",
        "A short written policy tells staff what is fine to post and what is not. "
        "None yet is an honest answer.",
        "Being drafted",
    ),
    "management.governance.policy_summary": Guide(
        "What does the policy say, in brief?",
        "The few rules that matter most, in plain words anyone on the team could repeat.",
        "Be kind, never share customers' details, check allergen facts before posting",
    ),
    "management.governance.approval_process": Guide(
        "How does a post get approved?",
        "Who checks what before it goes out, and what may go out without a check.",
        "Daily bake photos go straight out; offers and anything about health are checked "
        "by Maria first",
    ),
    "management.governance.escalation_path": Guide(
        "What happens when a complaint or a crisis comes in?",
        "The steps and the people, in order, so nobody has to improvise under pressure.",
        "Whoever sees it tells Priya within the hour; Priya calls Maria if it involves "
        "health or safety",
    ),
    "management.governance.accountability": Guide(
        "Who answers for it when something wrong is posted?",
        "Name the person, and what they do to put it right: correct, apologise, learn.",
        "Maria: she corrects or removes the post, apologises openly and tells the team "
        "what changes",
    ),
    "management.governance.brand_voice": Guide(
        "How do you sound?",
        "Three or four words for your tone, plus one thing you never do. It helps "
        "everyone sound like the same business.",
        "Warm, neighbourly, a little playful; never pushy, never sarcastic",
    ),
    "management.governance.legal_notes": Guide(
        "Are there legal or compliance points to respect?",
        "Rules for your trade: allergens, health claims, patient confidentiality, "
        "competitions, photos of children.",
        "List the 14 allergens correctly; ask before posting photos of customers",
    ),
    # ------------------------------------------------------------ resources
    "management.resources.monitoring_tools": Guide(
        "What do you use to keep an eye on conversations?",
        "Free tools count: the apps' own notifications, saved searches, alerts for your name.",
        "Instagram and Facebook notifications; a saved search for 'Wrenford bakery'",
    ),
    "management.resources.scheduling_tools": Guide(
        "What do you use to plan and schedule posts?",
        "A scheduling app, the platforms' own planners, or a paper calendar on the wall.",
        "Meta Business Suite planner",
    ),
    "management.resources.hours_per_week": Guide(
        "How many hours a week can you give it?",
        "An honest limit, counting listening and replying, not just posting. What each "
        "activity takes is asked with the activity, and checked against this.",
        "4",
    ),
    "management.resources.budget": Guide(
        "How much money can you set aside for it?",
        "The most you are willing to spend, per month or per year. Where the money goes is "
        "asked later, with each activity and under cost.",
        "Up to £60 a month",
    ),
    # ------------------------------------------------------------ 2. listening
    "listening.intent": Guide(
        "What are you listening for, and why?",
        "Tie your listening to what you want to give people. Listen for needs you could "
        "meet, not only for mentions of your name.",
        "What local families struggle with at breakfast and at parties, so we can make "
        "their mornings and celebrations easier",
    ),
    "listening.places.kind": Guide(
        "What kind of place is it?",
        "A community or group, a hashtag, a search term, a competitor, a review site or "
        "something else.",
        "Community / group",
    ),
    "listening.places.where": Guide(
        "Where exactly?",
        "The group, hashtag, search or page, named precisely enough that someone else could "
        "find it.",
        "'Wrenford Parents' Facebook group",
    ),
    "listening.places.listen_for": Guide(
        "What do you listen for there?",
        "The questions, wishes and grumbles that matter to you in this place.",
        "Requests for birthday cakes, gluten-free options, places to meet with a pram",
    ),
    "listening.places.frequency": Guide(
        "How often do you look?",
        "A rhythm you can keep. Little and often beats a big catch-up once a month.",
        "Every weekday, ten minutes with the first coffee",
    ),
    "listening.places.listener": Guide(
        "Who listens here?",
        "The person who checks this place and writes up what they find.",
        "Priya",
    ),
    "listening.notes.noted_on": Guide(
        "When was it said?",
        "The date you saw it, so you can spot what changes with the seasons.",
        "3 February 2026",
    ),
    "listening.notes.source": Guide(
        "Where did you hear it?",
        "The group, site, post or counter conversation where it came up.",
        "Wrenford Parents group",
    ),
    "listening.notes.who": Guide(
        "Who said it?",
        "A first name, a username or a kind of person. Keep it respectful and private.",
        "A parent planning a party",
    ),
    "listening.notes.said": Guide(
        "What did they say?",
        "Their words or a fair summary. Write what they meant, not what you hoped to hear.",
        "Anyone know where to get a nut-free birthday cake at short notice?",
    ),
    "listening.notes.tags": Guide(
        "Which themes does it touch?",
        "One to three short themes, reused across notes so you can count them later.",
        "allergies, celebrations",
    ),
    "listening.notes.sentiment": Guide(
        "How did they feel?",
        "Positive, neutral, negative or mixed. A rough judgement is enough.",
        "Neutral",
    ),
    "listening.notes.wants": Guide(
        "What do they want?",
        "The need underneath the words. It may have nothing to do with what you sell.",
        "Confidence that the cake is safe for a child with a nut allergy",
    ),
    "listening.notes.opportunity": Guide(
        "How could you help?",
        "A way to be useful here, even if it earns nothing today.",
        "Share our allergen sheet and explain how we keep nuts out of the cake kitchen",
    ),
    "listening.notes.follow_up": Guide(
        "What will you do next?",
        "A small next step and who takes it, or 'none' if it was just worth knowing.",
        "Priya replies in the group today with the allergen sheet",
    ),
    "listening.learnings.market_wants": Guide(
        "What do people around you want?",
        "Sum up the needs you keep hearing, in their terms, not yours.",
        "Reliable allergy information, early opening for commuters, help with party food",
    ),
    "listening.learnings.want_us_to_say": Guide(
        "What would people like to hear from you?",
        "Turn it round: not what you want to tell them, but what they would find useful "
        "or welcome coming from you.",
        "When the bread is out of the oven, what is safe for allergies, when we sell out",
    ),
    "listening.learnings.unlearn": Guide(
        "What old habits must you drop?",
        "The push habits that put people off: shouting offers, posting without replying, "
        "counting likes instead of conversations.",
        "Posting discount codes every day; ignoring comments on busy mornings",
    ),
    "listening.learnings.reputation": Guide(
        "What do people say about you?",
        "Your reputation as others describe it, the good and the hard to hear.",
        "Loved for the sourdough and the friendly staff; the queue on Saturdays puts some off",
    ),
    "listening.learnings.give_results": Guide(
        "How will you move from getting results to giving them?",
        "A short reflection: what would change if you judged a post by what it gives "
        "people rather than what it brings you?",
        "We will answer allergy questions first and post offers last",
    ),
    # ------------------------------------------------------------ 3. planning
    "planning.intent": Guide(
        "What value will you give?",
        "One or two sentences on how you mean to be useful to people. Every later decision "
        "should serve this.",
        "Make it easy and safe for Wrenford families to enjoy good bread and celebrate together",
    ),
    "planning.seven_ps.decision": Guide(
        "What have you decided?",
        "Your answer to the guiding questions above, short enough to share with the whole team.",
        "We are on social media to help locals plan breakfasts and celebrations, not to "
        "push discounts",
    ),
    "planning.seven_ps.owner": Guide(
        "Who owns this decision?",
        "The person who keeps it up to date and answers questions about it: someone on "
        "your People list.",
        "Maria",
    ),
    "planning.seven_ps.communicated": Guide(
        "Has everyone in the business been told?",
        "Tick once the whole team has heard it and understands it, not just the people who post.",
        "Yes",
    ),
    "planning.seven_ps.communicated_on": Guide(
        "When was it shared?",
        "The date you shared it with the team, for example at a staff meeting.",
        "20 March 2026",
    ),
    "planning.assessment.attributes": Guide(
        "What is your organisation like?",
        "The strengths and limits people meet when they deal with you: skills, character, "
        "time, size.",
        "Small, friendly team; bakers start at 4 am; owner well known locally",
    ),
    "planning.assessment.offering_value": Guide(
        "What value do your products or services bring?",
        "What people actually get from you, beyond the item itself.",
        "Fresh bread made the slow way, cakes that make a party, a warm place to stop",
    ),
    "planning.assessment.market_relations": Guide(
        "How do you stand with your market?",
        "Your relationships with customers, neighbours, suppliers and other local "
        "businesses today.",
        "Strong with regulars and the primary school; barely known to newcomers on the new estate",
    ),
    # ------------------------------------------------------------ 4. engagement
    "engagement.playbook.situation": Guide(
        "What kind of situation is it?",
        "Question, praise, complaint, crisis, misinformation, or an idea from a customer.",
        "Complaint",
    ),
    "engagement.playbook.response": Guide(
        "How will you respond?",
        "The steps you take, in order. Listen first, then answer in public, then take the "
        "details somewhere private if needed.",
        "Thank them, say sorry for what went wrong, offer to put it right, move details "
        "to a private message",
    ),
    "engagement.playbook.responder": Guide(
        "Who responds?",
        "The person or role who replies, and who steps in if they cannot.",
        "Priya; Maria if Priya is off",
    ),
    "engagement.playbook.response_time": Guide(
        "How quickly?",
        "A promise you can keep during opening hours and outside them.",
        "Within 2 hours while we are open; first thing next morning otherwise",
    ),
    "engagement.playbook.tone": Guide(
        "In what tone?",
        "How the reply should feel to the person reading it.",
        "Calm, sorry without excuses, practical",
    ),
    "engagement.playbook.example_reply": Guide(
        "How might a reply read?",
        "A sample reply your team can adapt. Write it the way you would speak at the counter.",
        "So sorry your loaf was underbaked, Jo. Pop in and we'll swap it, or message us "
        "and we'll sort a refund.",
    ),
    "engagement.activities.activity": Guide(
        "What will you do?",
        "One regular activity. Small touches count: thanking a reviewer, answering a "
        "question in a local group.",
        "Answer bread and cake questions in the Wrenford Parents group",
    ),
    "engagement.activities.channel": Guide(
        "Where?",
        "The place or channel where it happens.",
        "Wrenford Parents Facebook group",
    ),
    "engagement.activities.audience": Guide(
        "For whom?",
        "The people it is meant to help.",
        "Local parents",
    ),
    "engagement.activities.value_offered": Guide(
        "What do they get from it?",
        "The benefit to them, not to you: an answer, a tip, a laugh, a warning.",
        "Quick, reliable answers about allergens and party orders",
    ),
    "engagement.activities.cadence": Guide(
        "How often?",
        "A rhythm you can keep up for months.",
        "Every weekday morning",
    ),
    "engagement.activities.repeat": Guide(
        "How often does it repeat, for a calendar?",
        "The repeat the calendar export uses. Left empty, the app reads the cadence you "
        "wrote, where it can.",
        "Every week",
    ),
    "engagement.activities.repeat_every": Guide(
        "Every how many?",
        "For every other week, choose every week and 2. Leave it empty for every one.",
        "2",
    ),
    "engagement.activities.repeat_on": Guide(
        "On which days of the week?",
        "For a weekly repeat, the days it happens.",
        "tuesday, friday",
    ),
    "engagement.activities.owner": Guide(
        "Who does it?",
        "The person who makes sure it happens.",
        "Priya",
    ),
    "engagement.activities.start_date": Guide(
        "When does it start?",
        "The first day you will do it, once the 7 P's have been shared with the team. "
        "Starting small and soon beats waiting for perfect.",
        "1 April 2026",
    ),
    "engagement.activities.hours_per_month": Guide(
        "How many hours a month does it take?",
        "Everyone's time together, preparing and replying included. A rough figure is fine; "
        "it shows which methods cost the most.",
        "6",
    ),
    "engagement.activities.money_per_month": Guide(
        "How much money a month does it take?",
        "Samples, printing, tools or ads bought for this activity alone; 0 if it is free.",
        "15",
    ),
    "engagement.activities.moves": Guide(
        "Which of the four A's should it move?",
        "The one relationship it should grow most: Attention, Attraction, Affinity or "
        "Audience. It lets you weigh each method's cost against what it builds.",
        "Affinity",
    ),
    "engagement.activities.answers": Guide(
        "Which theme or need from your listening does it answer?",
        "Name the theme from your notes, or the need in a few words. An activity that "
        "answers nothing you heard is worth a second thought.",
        "allergies",
    ),
    "engagement.measures.dimension": Guide(
        "Which of the four A's does it measure?",
        "Attention, Attraction, Affinity or Audience. Measure each one at least once.",
        "Affinity",
    ),
    "engagement.measures.indicator": Guide(
        "What will you count or watch?",
        "A sign of the relationship, not just of reach: replies, return visits, people "
        "recommending you.",
        "Comments that start a conversation, per month",
    ),
    "engagement.measures.baseline": Guide(
        "Where are you today?",
        "Today's figure, or your best estimate, so you can see change.",
        "About 10 a month",
    ),
    "engagement.measures.target": Guide(
        "Where do you want to be?",
        "A realistic figure and by when.",
        "25 a month by September",
    ),
    "engagement.measures.method": Guide(
        "How will you measure it?",
        "Where the number comes from and who collects it.",
        "Priya counts them from the notifications on the first Monday of each month",
    ),
    "engagement.measures.review_cadence": Guide(
        "How often will you look at it?",
        "When the figure is checked and discussed.",
        "Monthly, at the team meeting",
    ),
    "engagement.measures.unit": Guide(
        "What is it counted in?",
        "The unit of the figures, so that each reading means the same as the last.",
        "replies a month",
    ),
    "engagement.measures.direction": Guide(
        "Is a higher or a lower figure better?",
        "Most measures should rise; a few, such as complaints or waiting time, should fall.",
        "Higher is better",
    ),
    "engagement.measures.baseline_value": Guide(
        "What is today's figure, as a number?",
        "The baseline as a plain number, for the chart and the on-track check.",
        "10",
    ),
    "engagement.measures.baseline_on": Guide(
        "When was that figure taken?",
        "The date of the baseline, so that progress can be measured from it.",
        "1 March 2026",
    ),
    "engagement.measures.target_value": Guide(
        "What figure are you aiming for?",
        "The target as a plain number.",
        "25",
    ),
    "engagement.measures.target_on": Guide(
        "By what date?",
        "The day you mean to reach the target by.",
        "30 September 2026",
    ),
    "engagement.readings.measure": Guide(
        "Which measure is this a reading of?",
        "Each reading belongs to one of the four A's measures.",
        "Comments that start a conversation, per month",
    ),
    "engagement.readings.taken_on": Guide(
        "When was it counted?",
        "The day the figure was taken.",
        "30 April 2026",
    ),
    "engagement.readings.value": Guide(
        "What was the figure?",
        "The number, in the measure's unit.",
        "14",
    ),
    "engagement.readings.note": Guide(
        "What moved the figure?",
        "A line on why it rose or fell, so the next review knows.",
        "More replies after the post about Easter opening hours",
    ),
    "engagement.spending.period_start": Guide(
        "From which day?",
        "The first day of the period, usually the first of a month.",
        "1 April 2026",
    ),
    "engagement.spending.period_end": Guide(
        "To which day?",
        "The last day of the period.",
        "30 April 2026",
    ),
    "engagement.spending.hours": Guide(
        "How many hours went in?",
        "All the time actually spent that period, listening and replies included.",
        "18",
    ),
    "engagement.spending.money": Guide(
        "How much money went out?",
        "Everything actually spent that period: tools, printing, giveaways.",
        "30",
    ),
    "engagement.spending.note": Guide(
        "Why was it more or less than planned?",
        "A line to remember at the review.",
        "Two extra evenings of filming before the Easter opening",
    ),
    "engagement.actions.what": Guide(
        "What was agreed?",
        "One clear thing to do, in a few words.",
        "Pin the allergen sheet to the top of the Facebook page",
    ),
    "engagement.actions.who": Guide(
        "Who will do it?",
        "One person, by name, ideally from the People list.",
        "Priya",
    ),
    "engagement.actions.due": Guide(
        "By when?",
        "The day it should be done by.",
        "15 May 2026",
    ),
    "engagement.actions.done": Guide(
        "Is it done?",
        "Tick it once it is done; it stays on the list for the review.",
        "Done",
    ),
    "workshop.timeboxes.details": Guide(
        "Minutes for the plan details",
        "How long the room spends on who the plan is for before moving on.",
        "10",
    ),
    "workshop.timeboxes.management": Guide(
        f"Minutes for {Stage.MANAGEMENT.title}",
        "Time to agree who looks after which account and who may speak for the business.",
        "20",
    ),
    "workshop.timeboxes.listening": Guide(
        f"Minutes for {Stage.LISTENING.title}",
        "Time to go through what people are saying; give it room, it feeds everything after.",
        "30",
    ),
    "workshop.timeboxes.planning": Guide(
        f"Minutes for {Stage.PLANNING.title}",
        "Time to decide the 7 P's together; usually the longest part of the day.",
        "40",
    ),
    "workshop.timeboxes.engagement": Guide(
        f"Minutes for {Stage.ENGAGEMENT.title}",
        "Time to settle the playbook, the activities and how relationships will be measured.",
        "30",
    ),
    "workshop.parking_lot.idea": Guide(
        "What was the idea?",
        "One line, in the words it was said, so it can be picked up again at the end.",
        "Ask the market committee about a shared stall photo day",
    ),
    "workshop.parking_lot.raised_on": Guide(
        "When was it raised?",
        "The day of the workshop where it came up.",
        "12 March 2026",
    ),
    "workshop.parking_lot.raised_during": Guide(
        "During which stage?",
        "The step on screen when it came up: it shows what the room was discussing.",
        Stage.PLANNING.title,
    ),
    "workshop.parking_lot.outcome": Guide(
        "What became of it?",
        "At the end, each parked idea is kept for later or turned into a note, an action "
        "or a decision.",
        "Kept for later",
    ),
    "engagement.quality.trust": Guide(
        "How will you know people trust you?",
        "Signs that people rely on what you say: they ask you first, they recommend you.",
        "Parents tag us when someone asks about allergy-safe cakes",
    ),
    "engagement.quality.sincerity": Guide(
        "How will you keep it sincere?",
        "What keeps your replies honest and human rather than scripted or salesy.",
        "Replies signed with a first name; we say so when we get something wrong",
    ),
    "engagement.quality.common_values": Guide(
        "What values do you share with the people you serve?",
        "What you and your community both care about.",
        "Real ingredients, supporting the high street, looking after neighbours",
    ),
    "engagement.cost.time": Guide(
        "What time goes in beyond the activities?",
        "The app adds up each activity's hours. Note here the time no single activity "
        "carries, such as listening and the monthly review.",
        "About 2 hours a week of listening, and an hour a month for the review",
    ),
    "engagement.cost.money": Guide(
        "What money goes in beyond the activities?",
        "The app adds up each activity's money. Note here what no single activity carries, "
        "such as tools and a yearly photo session.",
        "£25 a month for the scheduling tool, £180 a year for photos",
    ),
    "engagement.cost.best_value": Guide(
        "Which methods build the most for what they cost?",
        "Look at the totals by activity and by A. Which relationships came cheaply and "
        "which were dear? Results alone cannot tell you this.",
        "Answering questions in local groups costs two hours a week and brings most of our "
        "recommendations; the video clips cost the most for the least",
    ),
    "engagement.review.cadence": Guide(
        "How often will you revisit the plan?",
        "A regular moment to step back and adjust, such as every quarter.",
        "Every three months, at the quarterly team meeting",
    ),
    "engagement.review.next_review": Guide(
        "When is the next review?",
        "Put a date on it so it does not slip.",
        "30 June 2026",
    ),
    "engagement.review.feedback": Guide(
        "How does new listening feed back into the plan?",
        "How fresh notes and themes change what you decide and do next.",
        "Before each review Priya sums up the top themes; we change one activity to "
        "match what people are asking for",
    ),
}
"""Guidance for every field the user can edit, keyed by its dotted path. List columns
are keyed by the list path plus the column; the 7 P's share ``planning.seven_ps.<field>``."""


_SEVEN_PS_BASE = ("planning", "seven_ps")
_SEVEN_P_NAMES = frozenset(p.value for p in SevenP)


def guide_key(path: tuple[str, ...]) -> str:
    """The :data:`FIELD_GUIDES` key for ``path``: row ids and the 7 P name left out."""
    steps = list(schema_path(path))
    if tuple(steps[:2]) == _SEVEN_PS_BASE and len(steps) > 2 and steps[2] in _SEVEN_P_NAMES:
        del steps[2]
    return ".".join(steps)


def guide_for(path: tuple[str, ...]) -> Guide | None:
    """The guide for the field at ``path`` (row ids and 7 P names allowed), or None."""
    return FIELD_GUIDES.get(guide_key(path))


STAGE_INTROS: dict[Stage, str] = {
    Stage.DETAILS: (
        "Start with the basics: who the plan is for, what the business offers and whom it "
        "serves. These details frame every answer that follows and appear on the cover of "
        "your strategy document."
    ),
    Stage.MANAGEMENT: (
        "Before you say anything online, get your house in order. List every account you "
        "have, decide who may do what, and agree how posts are checked and who answers for "
        "mistakes. A tidy presence is much easier to look after on a busy day."
    ),
    Stage.LISTENING: (
        "Listen before you speak. Spend a few weeks noticing where people talk about what "
        "you do, what they ask for and how they feel, and write it down. You are looking "
        "for ways to be useful, which may have little to do with what you sell."
    ),
    Stage.PLANNING: (
        "Now turn what you heard into decisions. The 7 P's help you think through why you "
        "are there, who takes part, where, how, with what, by which rules and how you join "
        "in. Agree each one and tell the whole team before you start engaging."
    ),
    Stage.ENGAGEMENT: (
        "Now join the conversation, and keep listening while you do. Aim to serve rather "
        "than sell: answer questions, thank people, put things right. Measure the "
        "relationships you build, and what they cost you, not just the sales."
    ),
}
"""A few plain sentences introducing each stage of the wizard."""


SECTION_INTROS: dict[str, str] = {
    "management.presence": (
        "One row for every account or page that speaks for you, including the ones nobody "
        "has touched in years."
    ),
    "management.people": (
        "Who takes part and what each person may do. Make sure someone may publish and "
        "exactly one person is accountable."
    ),
    "management.governance": (
        "The few agreed rules that keep everyone confident: what may be posted, who checks "
        "it, and what happens when things go wrong."
    ),
    "management.resources": (
        "The tools, hours and money you can realistically give this. Honest numbers make a "
        "plan you can keep."
    ),
    "listening.places": (
        "Where you will listen and what you will listen for there. Include local groups, "
        "hashtags, searches, competitors and review sites."
    ),
    "listening.notes": (
        "A running log of what people say. Jot down a line or two each time; the themes "
        "you tag add up to a picture of what people want."
    ),
    "listening.learnings": (
        "Step back from the notes and sum up what they tell you: what people want, what "
        "they would like to hear from you, and what you need to stop doing."
    ),
    "planning.assessment": (
        "An honest look at your business as it is: what you are like to deal with, what "
        "your work is worth to people, and how you stand with them."
    ),
    "engagement.playbook": (
        "How you will handle each kind of situation, decided calmly in advance so replies "
        "are quick and consistent."
    ),
    "engagement.activities": (
        "The regular things you will do to be useful. Small, frequent touches such as a "
        "thank-you or a helpful answer count as much as big campaigns."
    ),
    "engagement.measures": (
        "How you will know the relationships are growing, using the four A's: Attention, "
        "Attraction, Affinity and Audience."
    ),
    "engagement.quality": (
        "Numbers only tell part of the story. Describe how you will judge trust, sincerity "
        "and the values you share with people."
    ),
    "engagement.cost": (
        "Relationships take time and money to build. Each activity says what it takes and "
        "which A it should move; here the totals show what each method costs against what "
        "it builds, beside what no single activity carries."
    ),
    "engagement.review": (
        "A plan is never finished. Decide when you will look at it again and how fresh "
        "listening will change it."
    ),
    "engagement.readings": (
        "The figures you count for each measure, each with a date and a line on what moved "
        "it. A few readings show whether a relationship is growing."
    ),
    "engagement.spending": (
        "What building relationships actually cost, period by period, set against what the "
        "activities planned."
    ),
    "engagement.actions": (
        "What was agreed at a workshop or a review: one line each, with a name and a date."
    ),
    "workshop.timeboxes": (
        "The agenda of a workshop: minutes for each stage, counted down in workshop mode so "
        "the room keeps moving without rushing the listening."
    ),
    "workshop.parking_lot": (
        "Ideas that came up at the wrong moment, parked in a line so nobody loses them and "
        "the room can stay on the step in hand. Review them at the end."
    ),
}
"""One or two sentences introducing each part of a stage, keyed by the part's dotted path."""


@dataclass(frozen=True)
class PGuide:
    """Guidance for one of the 7 P's."""

    summary: str
    questions: tuple[str, ...]


SEVEN_P_GUIDES: dict[SevenP, PGuide] = {
    SevenP.PURPOSE: PGuide(
        "Why you are on social media at all, and what good it should do for the people you serve.",
        (
            "What value do we want to give people through social media?",
            "Which needs from our listening notes could we meet?",
            "How will we know we are serving rather than selling?",
            "What would we stop doing if it did not serve this purpose?",
        ),
    ),
    SevenP.PEOPLE: PGuide(
        "Who takes part on your side, and whom you are there to serve.",
        (
            "Who in the business will listen, reply and post?",
            "What training or support do they need to feel confident?",
            "Which customers and neighbours do we most want to help?",
            "Who steps in when the usual person is away?",
        ),
    ),
    SevenP.PLACES: PGuide(
        "Where the conversations that matter to you actually happen.",
        (
            "Where do our customers already talk and ask for advice?",
            "Which local groups, review sites or hashtags matter most?",
            "Are there places we should leave because nobody we serve is there?",
            "Where do we meet people offline that we could connect with online?",
        ),
    ),
    SevenP.PROCESS: PGuide(
        "How the work gets done day to day: listening, drafting, checking, replying and "
        "escalating.",
        (
            "How does a post go from idea to published?",
            "How quickly do we reply, and who checks replies on sensitive subjects?",
            "What happens step by step when a complaint or crisis arrives?",
            "How do listening notes reach the people who can act on them?",
        ),
    ),
    SevenP.PLATFORM: PGuide(
        "The services and tools you use, chosen to fit the places and people above.",
        (
            "Which platforms suit the places where our people gather?",
            "What tools will help us listen and schedule without eating our time?",
            "Which accounts should we merge, revive or close?",
            "Can everyone who needs access get it safely, without sharing passwords around?",
        ),
    ),
    SevenP.PRACTICES: PGuide(
        "The habits and house rules that keep what you say consistent and kind.",
        (
            "What is our tone of voice, and what do we never say?",
            "What must we get right legally, such as allergens, health claims or privacy?",
            "How do we admit and correct mistakes?",
            "How do we credit customers' photos and words?",
        ),
    ),
    SevenP.PARTICIPATE: PGuide(
        "How you join in: taking part in conversations as a good neighbour, not "
        "broadcasting at people.",
        (
            "How will we join conversations we did not start?",
            "Which small, regular touches can we keep up, like thanking or answering?",
            "How will we give without expecting anything back?",
            "How will we invite ideas and show we acted on them?",
        ),
    ),
}
"""A summary and guiding questions for each of the 7 P's."""


SEVEN_P_ATTRIBUTION = (
    "The series credits the 7 P's to Telligent, and urges that all seven be thought "
    "through, agreed, understood by everyone and shared across the whole organisation "
    "before you start engaging."
)
"""Where the 7 P's come from, and the rule that comes with them."""


FOUR_A_GUIDES: dict[FourA, str] = {
    FourA.ATTENTION: (
        "Being noticed by the people who matter to you. Social tools can win the notice of "
        "a particular community, but notice alone is only the start."
    ),
    FourA.ATTRACTION: (
        "Giving people a reason to stay. Useful content, a pleasant look and genuine help "
        "make people come back rather than scroll past."
    ),
    FourA.AFFINITY: (
        "People feeling that you share their interests. It grows when conversations, content "
        "and community touch what they actually need; without it, attraction fades."
    ),
    FourA.AUDIENCE: (
        "Once you have attention, attraction and affinity, you have people who keep "
        "listening. Keep offering them value so the first three stay strong."
    ),
}
"""What each of the four A's of relationship measurement means."""


SITUATION_GUIDES: dict[SituationType, str] = {
    SituationType.QUESTION: (
        "Answer quickly and plainly, and add one helpful extra they did not ask for."
    ),
    SituationType.PRAISE: (
        "Say thank you by name and pass the kind words on to the person who earned them."
    ),
    SituationType.COMPLAINT: (
        "Thank them for telling you, apologise without excuses, and offer to put it right, "
        "moving personal details to a private message."
    ),
    SituationType.CRISIS: (
        "Pause scheduled posts, tell the accountable person at once, and share only "
        "checked facts, promptly and honestly."
    ),
    SituationType.MISINFORMATION: (
        "Correct it gently with the facts and a source, without blaming the person who shared it."
    ),
    SituationType.IDEA: (
        "Thank them, say honestly whether you can try it, and tell them if you do."
    ),
}
"""One line of advice for each kind of situation in the response playbook."""
