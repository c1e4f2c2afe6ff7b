// Crisis wording detection (English and Welsh) and UK crisis contacts. Pure: no DOM, no Lit.
//
// Detection only decides whether to *offer* support beside the composer (and, where a community asks
// for it, to let a moderator read the post first). It never blocks posting, so it leans towards
// offering help: a false alarm shows a kind panel, a miss leaves only the always-present "Need help
// now?" link.
//
// What it looks for (issue 18) follows the published structure of suicide risk language: the
// Columbia Suicide Severity Rating Scale's ladder (wish to be dead -> active thoughts -> method ->
// intent -> plan -> preparatory acts), the interpersonal theory's perceived burdensomeness and thwarted
// belonging, Beck's hopelessness, self-harm, and the farewell / "putting affairs in order" signs that
// Samaritans and NHS guidance list as warning signs, plus the textspeak people actually use ("want 2
// die", "kms", "unalive"). Idioms ("killer hill", "dying for a cuppa", "I could kill for…", "killing
// myself laughing", "I'd rather die than do the bleep test") are excluded by how the phrase is built,
// not by a list of sentences.
//
// Meaning, not word lists: a rule says which *polarity* is the crisis. "I don't want to die" is not;
// "I don't want to live", "Dw i ddim eisiau byw rhagor", "Does dim pwynt byw", "Fyddai neb yn gweld fy
// eisiau i" are - the negation there *is* the crisis. Welsh words are written once, in their radical
// form, and `mut()` accepts every soft, nasal and aspirate mutation (marw/farw, lladd/ladd, byw/fyw/myw,
// tabledi/dabledi/nhabledi/thabledi).
//
// Measured on a held-out corpus it was never tuned on: test/data/crisis/ (see splits.test.ts).

// The contacts live in safeguarding.ts (by nation and language, configurable per community); re-exported
// here so existing imports keep working.
export {UK_CRISIS_CONTACTS, crisisContactsFor, type CrisisContact} from './safeguarding.js';

/** What kind of risk language matched. */
export type CrisisKind = 'ideation' | 'plan' | 'self-harm' | 'hopelessness' | 'burden' | 'farewell';

export interface CrisisMatch {
  lang: 'en' | 'cy';
  /** Which kind of risk language it is. */
  kind: CrisisKind;
  /** The words that matched, as normalised (lower-cased). */
  phrase: string;
}

// ---------------------------------------------------------------------------------------------------
// Welsh mutations. `mut('marw')` -> a group matching marw|farw; `mut('tabledi')` -> tabledi|dabledi|
// nhabledi|thabledi; a vowel-initial word also takes h- (ei hanafu).

const SOFT_NASAL_ASPIRATE: readonly [string, readonly string[]][] = [
  ['ll', ['l']], ['rh', ['r']],
  ['ch', []], ['ff', []], ['ph', []], ['th', []], ['dd', []], ['ng', []],
  ['p', ['b', 'mh', 'ph']], ['t', ['d', 'nh', 'th']], ['c', ['g', 'ngh', 'ch']],
  ['b', ['f', 'm']], ['d', ['dd', 'n']], ['g', ['', 'ng']], ['m', ['f']],
];

export function mutations(word: string): string[] {
  const forms = new Set([word]);
  for (const [radical, mutated] of SOFT_NASAL_ASPIRATE) {
    if (word.startsWith(radical)) {
      for (const m of mutated) forms.add(m + word.slice(radical.length));
      break;
    }
  }
  if (/^[aeiouwyâêîôûŵŷ]/.test(word)) forms.add(`h${word}`);
  return [...forms];
}

const mut = (...words: string[]) => `(?:${words.flatMap(mutations).sort((a, b) => b.length - a.length).join('|')})`;

// ---------------------------------------------------------------------------------------------------
// Normalisation: case, apostrophes, invisible characters, then textspeak and colloquial spellings
// mapped onto the standard words the rules are written in.

const TEXTSPEAK: readonly [RegExp, string][] = [
  [/\bkmsl\b/g, 'killing myself laughing'],
  [/\bkms\b/g, 'kill myself'],
  [/\bctb\b/g, 'kill myself'],
  [/\bunaliv(?:e|ing|ed)\b/g, 'kill'],
  [/\bsewer ?slide\b|\bsu[i1!*]c[i1!*]de\b|\bs\*\*cide\b/g, 'suicide'],
  [/\bsu[i1!*]c[i1!*]dal\b/g, 'suicidal'],
  [/\b(?:my|me) ?self\b/g, 'myself'],
  [/\bself[- ]?harm/g, 'self-harm'],
  [/\bwanna\b/g, 'want to'],
  [/\bgonna\b/g, 'going to'],
  [/\btryna\b/g, 'trying to'],
  [/\bwnt\b/g, 'want'],
  [/\b(want|wants|going|need|ready|trying|wish|how|like|have|got) 2\b/g, '$1 to'],
  [/\bidw\b/g, "i don't want to"],
  [/\bidk\b/g, "i don't know"],
  [/\bidc\b/g, "i don't care"],
  [/\bno ?1\b|\bnoone\b|\bno-one\b/g, 'no one'],
  [/\b4 ?ever\b/g, 'forever'],
  [/\bbout\b/g, 'about'],
  [/\bim\b/g, "i'm"],
  [/\bive\b/g, "i've"],
  [/\bi am\b/g, "i'm"],
  [/\b(?:cant|cannot|can not)\b/g, "can't"],
  [/\b(?:dont|dnt|do not)\b/g, "don't"],
  [/\b(?:wont|will not)\b/g, "won't"],
  [/\bdoes not\b/g, "doesn't"],
  [/\bis not\b/g, "isn't"],
  [/\b(?:wouldnt|would not)\b/g, "wouldn't"],
  [/\b(this|here|it|alive|living|that) no more\b/g, '$1 any more'],
  [/\banymore\b/g, 'any more'],
  [/\bany longer\b/g, 'any more'],
  // Welsh colloquial and texting forms.
  [/\bdwi'?n\b/g, "dw i'n"],
  [/\bdwi\b/g, 'dw i'],
  [/\b(?:isio|isho|isie|ishe|eisie|isia|moyn|mo'yn|mofyn)\b/g, 'eisiau'],
  [/\bsai\b/g, 'sa i'],
  [/\b(dw i|i|fi|ni|mae|wi|rwy) di\b/g, '$1 wedi'],
  [/\bcal\b/g, 'cael'],
  [/\bneud\b/g, 'gwneud'],
  [/\bfydde\b/g, 'fyddai'],
  [/\bbydde\b/g, 'byddai'],
  [/\b(?:rili|jyst|wir)\b/g, ''],
  [/\bd?dim ond\b/g, 'unig'],
];

function normalise(text: string): string {
  let t = text.normalize('NFC').toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
  for (const [re, to] of TEXTSPEAK) t = t.replace(re, to);
  return t.replace(/[ \t]+/g, ' ');
}

// ---------------------------------------------------------------------------------------------------
// Negation: a negator in the last few words of the same clause before a phrase cancels it ("I'm not
// suicidal", "Dydw i ddim yn hunanladdol"), unless the rule says the negation is part of the crisis.

const NEGATORS = {
  en: new Set(['not', 'never', "don't", "doesn't", "didn't", "won't", "wouldn't", "isn't", "wasn't", "aren't", 'nor', 'no', 'longer']),
  cy: new Set(['ddim', 'dim', 'nid', 'nad', 'nac', 'byth', 'erioed', 'heb', 'sa', 'smo', 'peidio', 'beidio', 'pheidio', 'peidiwch']),
};

function negated(lang: 'en' | 'cy', before: string): boolean {
  const clause = before.split(/[.!?;,\n]| but | ond /).pop() ?? '';
  const words = clause.trim().split(/\s+/).filter(Boolean).slice(-4);
  return words.some((w) => NEGATORS[lang].has(w));
}

// ---------------------------------------------------------------------------------------------------
// Building blocks.

// Word boundaries that know Welsh letters (â, ŵ, ŷ…) are letters.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
// End of the clause (punctuation or end of text).
const END = '(?=\\s*(?:$|[.,!?;:)\\n]))';

const MEANS_EN = '(?:tablets|pills|meds|medication|medicines?|paracetamol|painkillers|morphine|insulin|codeine|tramadol|antidepressants|oxycodone|patches|sleepers)';
const DIE_EN = '(?:die|be dead|not be alive|not be here|not exist|stop existing|stop being alive|not wake up|never wake up|sleep forever|go to sleep forever|kill myself|disappear (?:forever|for good|permanently|and never come back))';
const LIFE_EN = '(?:live|be alive|be here|exist|wake up|go on|carry on|keep going|be around|continue|be in this world)';
const LIFE_EN_NOT_AFTER = '(?! (?:early|at|before|for (?:the|a|my)|on (?:the|a)|with|in (?:the|a|this (?:town|city|house))|near|there|abroad|alone|up (?:early|at)))';
const RETURN_EN = /\b(?:for now|see you|see ya|be back|back (?:on|in|next|soon|after|from|when|tomorrow)|holiday|hols|soon|next (?:week|month|time)|(?:after|before) (?:my|the) (?:op|operation|holiday|hols|appointment|scan|surgery|treatment|procedure|trip|break|results|review|course)|until|till|later|appointment|operation|my op\b|hospital|trip|a while|a bit|a few (?:days|weeks)|couple of (?:days|weeks)|new job|moving)\b/;

const WANT_CY = "(?:eisiau|am|hoffwn(?: i)?|hoffen i|dymuno|barod i|penderfynu|meddwl am|ysfa i)";
const DEATH_CY = `(?:${mut('marw')}(?! (?:o |chwerthin|eisiau|amdan))|bod wedi marw|${mut('diflannu')} am byth|${mut('lladd')} fy hun(?:an)?)`;
const LIFE_CY = `(?:${mut('byw')}(?! (?:yn|ym|yng|mewn|gyda|efo|at|drws|bywyd|yno|ger|wrth)${E})|bod yma|bod yn fyw|bod o gwmpas|${mut('bodoli')}|${mut('deffro', 'dihuno')}(?! (?:am|yn gynnar|'n gynnar|cyn)${E})|${mut('cario', 'mynd')} ymlaen|${mut('dal')} ati)`;
const NEG_CY = "(?:ddim|dim|sa i|smo fi|smo|so fi|nad|na|byth)";
const MEANS_CY = `(?:${mut('tabledi', 'pils', 'parasetamol', 'moddion', 'meddyginiaeth', 'morffin', 'inswlin', 'cyffuriau')})`;
const SELF_CY = '(?:fy hun(?:an)?|fi fy hun)';
const RETURN_CY = /(?:am y tro|wela i|wela'i|welai|nôl|yn ôl|gwyliau|wyliau|fuan|wythnos nesa|tan |cyn y |cyn fy |ar ôl y |ar ôl fy |ysbyty|apwyntiad|llawdriniaeth|bant|am sbel|am dipyn|swydd newydd|symud)/;

interface Rule {
  lang: 'en' | 'cy';
  kind: CrisisKind;
  re: string;
  /** The rule carries its own polarity: a negation before it does not cancel it. */
  keepsNegation?: true;
  /** A farewell that a mention of coming back (holiday, "see you soon") cancels. */
  unlessReturning?: true;
}

const en = (kind: CrisisKind, re: string, opts: Partial<Rule> = {}): Rule => ({lang: 'en', kind, re, ...opts});
const cy = (kind: CrisisKind, re: string, opts: Partial<Rule> = {}): Rule => ({lang: 'cy', kind, re, ...opts});

const RULES: readonly Rule[] = [
  // ---- English: ideation, intent ----
  en('ideation', `${B}kill(?:ing|ed|s)? myself(?! laughing| with laughter| at (?:work|the gym))`),
  en('ideation', `${B}(?:end|ending|ended|take|taking|took|finish|finishing) my (?:own )?life${E}`),
  en('ideation', `${B}(?:end|ending) it all${E}`),
  en('ideation', `${B}(?:hang|hanging|hanged|drown|drowning|poison|poisoning|shoot|shooting|gas|gassing|suffocate|suffocating) myself${E}`),
  en('ideation', `${B}suicidal${E}`),
  en('ideation', `${B}(?:commit|committing|committed|attempt|attempted|attempting) suicide${E}`),
  en('ideation', `(?<!(?:died|death|deaths|bereaved|loss|losses|lost(?: \\S+){1,3}|after) (?:by|to|through|from|after) )${B}suicide${E}(?! (?:prevention|awareness|squad|loss|bereavement|rates?|statistics|figures|training|helpline|line|charity|support|watch|risk|first aid|research|day|week|month|walk)${E})`),
  en('ideation', `${B}(?:want|wanted|wanting|wants|wish|wishing|ready|hope|hoping|plan|planning|decided|tempted|need|trying|tried|try|urge|long|longing|like|'d like) to (?:just |really |simply |finally )?${DIE_EN}${E}`),
  en('ideation', `${B}(?:going to|about to|want to|ready to|plan to|planning to|decided to|should|could|i'll|to|just) (?:just )?end (?:it|things|everything)${END}`),
  en('ideation', `${B}(?:end (?:it|things|everything)) (?:tonight|today|now|soon|for good|once and for all)${E}`),
  en('ideation', `${B}(?:thoughts? (?:of|about)|thinking (?:of|about)|think (?:of|about)|thought (?:of|about)) (?:ending (?:it|things|everything)|dying|not being (?:alive|here|around)|disappearing for good)${E}`),
  en('ideation', `${B}wish (?:that )?i(?: was| were|'d| had| could)(?: just)? (?:dead|die|never been born|not been born|never existed|not existed|not exist|stop existing|disappear|not wake up|go to sleep and|fall asleep and|not here|gone)${E}`),
  en('ideation', `${B}wish (?:that )?i (?:wasn't|weren't|was not|were not) (?:alive|here|around|born)${E}`),
  en('ideation', `${B}(?:sleep|asleep|go to sleep)(?: \\S+){0,2} (?:and |then )?(?:never|not) (?:to )?wake up${E}`),
  en('ideation', `${B}(?:hope|hoping|pray|praying) (?:that )?i (?:don't|never|won't|do not) wake up${E}`),
  en('ideation', `${B}to (?:not|never) wake up${E}`),
  en('ideation', `${B}rather (?:be )?(?:dead|die)(?! than (?!(?:feel|live|be|go on|carry on|keep|face|wake)${E}))`),
  en('ideation', `${B}better off dead${E}`),
  en('ideation', `${B}(?:dying|death|being dead) (?:is|seems|feels|looks)(?: like)? (?:the only|my only|a relief|peaceful|the answer|the best|easier)`),
  en('ideation', `${B}(?:imagine|imagining|picture|picturing|think about|thinking about|dream about|dreaming about) my (?:own )?funeral${E}`),
  en('ideation', `${B}the (?:thought|idea) of not being (?:alive|here|around)${E}`),
  en('ideation', `${B}want (?:it all|everything|it|things|all of it|this|the pain|life) to (?:end|be over|stop,? (?:permanently|forever|for good))${E}`),
  en('ideation', `${B}(?:thinking about|thought about|think about|i've thought about|know|knew|worked out|planned|decided) (?:exactly )?how i(?:'d| would| will|'ll| could) (?:do it|kill|end|die)`),
  en('ideation', `${B}(?:don't|doesn't|didn't|never|no longer) (?:\\S+ ){0,2}?(?:want|wish|feel like) to ${LIFE_EN}(?: (?:any ?more|like this))?${LIFE_EN_NOT_AFTER}`, {keepsNegation: true}),
  // ---- English: plan, means, preparatory acts ----
  en('plan', `${B}(?:stockpil\\w*|hoard\\w*|stash\\w*|squirrel\\w* away|sav(?:e|ed|ing)(?: up)?|collect(?:ed|ing)?) (?:up )?(?:all |my |all my |some |enough |of my |the |a lot of |loads of )*(?:\\S+ )?${MEANS_EN}${E}`),
  en('plan', `${B}enough (?:\\S+ )?${MEANS_EN}(?: \\S+)? (?:to (?:do it|end it|die|kill|not wake)|saved|stored|stashed|hidden)${E}`),
  en('plan', `${B}how (?:many|much)(?: \\S+){0,6} (?:would it take|does it take|it takes|would take|to (?:die|kill|not wake|overdose|end)|(?:is|would be|are|'s) (?:a )?(?:fatal|lethal|enough to))`),
  en('plan', `${B}(?:lethal|fatal) (?:dose|amount|overdose)${E}`),
  en('plan', `${B}how long (?:\\S+ ){0,3}?(?:to die|before you die|until you die|to bleed)${E}`),
  en('plan', `${B}(?:take|took|taking|tried to|try to|trying to|going to|want to|planning to|thinking of|thinking about|thought about|attempted|an?) (?:an )?(?:overdose|od)${E}(?! (?:advice|warning|risk|info|information|on (?:caffeine|coffee|sugar|chocolate|cake))${E})`),
  en('plan', `${B}(?:overdos(?:e|ing)|od) (?:on (?!(?:caffeine|coffee|sugar|chocolate|cake))|tonight|again)`),
  en('plan', `${B}(?:ways|methods|means|how) (?:to|of) (?:die|dying|kill(?:ing)? myself|end(?:ing)? (?:it|my life)|suicide|not wake up)${E}`),
  en('plan', `${B}(?:take|swallow|taking|swallowing|took|swallowed) (?:all|the lot|every one|the whole (?:box|packet|bottle|pack)) (?:of )?(?:my |the |these |those )?(?:\\S+ )?${MEANS_EN}${E}`),
  en('plan', `${B}(?:tallest|highest) (?:bridge|building|cliff|car park)${E}`),
  en('plan', `${B}(?:jump|jumping|jumped|leap|leaping|throw myself|throwing myself|step|stepping|walk|walking|drive|driving) (?:off|from|in front of|under|into) (?:a |the |that |it|this )?(?:\\S+ )?(?:bridge|building|cliffs?|roof|train|bus|lorry|truck|car park|multi-storey(?: car park)?|balcony|tower|platform|edge|river|sea|traffic|it)${E}`),
  en('plan', `${B}bridge\\b.{0,80}\\b(?:jump|jumping|step off|stepping off|throw myself)|\\b(?:jump|jumping)\\b.{0,60}\\bbridge${E}`),
  en('plan', `${B}(?:thinking|thought|think) (?:about|of) (?:jumping|stepping off|stepping in front)${E}`),
  en('plan', `${B}(?:bought|buy|buying|got|have|has|there's|there is) (?:a |some )?rope${E}(?! (?:swing|ladder|course|bridge)${E})`),
  en('plan', `${B}(?:suicide|goodbye|farewell) (?:note|notes|letter|letters)${E}`),
  en('plan', `${B}(?:note|notes|letter|letters) (?:\\S+ ){0,6}?(?:for afterwards|for after|after i'm gone|when i'm gone)`),
  en('plan', `${B}(?:sorting|sorted|sort|putting|put|getting|got)(?: out)? (?:all )?my affairs(?: in order)?${E}`),
  en('plan', `${B}giv(?:e|en|ing) (?:away )?(?:all )?my (?:things|stuff|belongings|possessions|pets?)(?: away)?${E}`),
  en('plan', `${B}${MEANS_EN} (?:are )?(?:all )?(?:lined up|counted out|laid out|ready|in front of me)${E}`),
  en('plan', `${B}(?:all (?:of )?)?my ${MEANS_EN} (?:all )?at once${E}`),
  en('plan', `${B}(?:i've|i have|i) (?:\\S+ ){0,2}?(?:picked|chosen|set|decided on) (?:a|the) date${END}`),
  // ---- English: hopelessness ----
  en('hopelessness', `${B}(?:no|any|what's the|what is the|whats the|don't see the|don't see any|can't see the|can't see any) (?:point|reason) (?:of |in |to |for )?(?:living|live|life|being alive|carrying on|going on|existing|me being here|trying any ?more|anything any ?more|it all|being here)${E}`, {keepsNegation: true}),
  en('hopelessness', `${B}(?:life|my life|living)'?s?(?: \\S+)? not worth (?:living|it)|${B}(?:life|my life|living) (?:isn't|ain't) worth (?:living|it)`, {keepsNegation: true}),
  en('hopelessness', `${B}(?:nothing|no one|nobody|no reason) (?:left )?(?:to|worth) live for${E}`, {keepsNegation: true}),
  en('hopelessness', `${B}no (?:way out|escape)${E}(?! (?:of|from) (?:the|this|that) (?:car park|building|hospital|traffic|queue|rain|heat|weather|noise|town|station)${E})`, {keepsNegation: true}),
  en('hopelessness', `${B}(?:no|any|lost all|lost any) hope (?:left|for me|any ?more)${E}|${B}(?:feel|feeling|i'm|so|completely|totally) hopeless${END}`, {keepsNegation: true}),
  en('hopelessness', `${B}(?:can't|couldn't) see (?:a|any) (?:way out|way forward|future|end to (?:this|it))${E}`, {keepsNegation: true}),
  en('hopelessness', `${B}(?:tired of|sick of) (?:living|life|being alive|existing|being here)${E}(?! (?:with|in|on|at|near)${E})`),
  en('hopelessness', `${B}(?:had|'ve had|have had) enough of (?:life|living|being alive|everything|it all)${E}`),
  en('hopelessness', `${B}(?:given|give|giving|gave) up on (?:life|living|myself|everything)${E}`),
  en('hopelessness', `${B}done with (?:life|living|everything|it all|being alive)${E}`),
  en('hopelessness', `${B}why (?:am i|i'm) still (?:here|alive|around)${E}`, {keepsNegation: true}),
  en('hopelessness', `${B}(?:can't|couldn't|can no longer|don't think i can|not sure i can|unable to|no longer able to) (?:\\S+ )?(?:go on|carry on|keep going|keep doing this|live like this|live with this|face (?:another day|tomorrow|it any ?more))(?=\\s*(?:$|[.,!?;]|any ?more|like this|much longer|for much longer|and ))`, {keepsNegation: true}),
  en('hopelessness', `${B}(?:can't|couldn't) (?:do|take|cope with|handle|bear|stand) (?:this|it|any of this|life|much more)(?: \\S+)?? any ?more${E}`, {keepsNegation: true}),
  en('hopelessness', `${B}(?:can't|couldn't) cope(?: any ?more)?${END}`, {keepsNegation: true}),
  en('hopelessness', `${B}(?:can't|couldn't) (?:do|take) (?:this|it)${END}`, {keepsNegation: true}),
  // ---- English: burden, belonging ----
  en('burden', `${B}(?:i'm|i feel|feel|feeling|being|i've become|become) (?:like )?(?:such |just |only |nothing but |a huge |a massive |so much of |more of |a |an )*burden${E}`),
  en('burden', `${B}(?:better|happier|easier|relieved|fine|free|lighter)(?: off)?(?: \\S+){0,3}? (?:without me|without (?:a|an) \\S+ like me|if i (?:just )?(?:wasn't|weren't|was not|were not) (?:around|here|alive|born)|if i(?: just)?(?: was| were|'m) (?:dead|gone|not here|not around)|if i (?:just )?(?:died|disappeared|killed myself|left for good))${E}`),
  en('burden', `${B}(?:won't|will not) be (?:a |an )?(?:problem|burden|bother|nuisance|worry|pain)(?: \\S+){0,3} (?:much|for much) longer${E}`, {keepsNegation: true}),
  en('burden', `${B}(?:the world|everyone|everybody|they|them|my family|the kids) (?:would|will|'d) be better(?: off)? without me${E}`),
  en('burden', `${B}(?:nobody|no one) would (?:even |ever |really )?miss me${E}`, {keepsNegation: true}),
  en('burden', `${B}(?:nobody|no one)(?: would| will|'d) (?:even |ever |really )?(?:care|notice|mind|know)(?: \\S+){0,3}? if i (?:died|was gone|were gone|disappeared|wasn't here|weren't here|wasn't around|killed myself|was dead|were dead|left for good)${E}`, {keepsNegation: true}),
  en('burden', `${B}(?:nobody|no one) cares (?:if|whether) i (?:live|die|lived|died)${E}`, {keepsNegation: true}),
  // ---- English: self-harm ----
  en('self-harm', `${B}(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|burnt|burned|hit|hitting|punch|punching|scratch|scratching|starve|starving|punish|punishing|bruise|bruising) myself${E}(?! (?:laughing|out)${E})`),
  en('self-harm', `${B}self-harm(?:ing|ed)${E}|${B}(?:i|to|my|been|again|relapsed|urge|urges|started|keep) (?:\\w+ )?self-harm${E}(?! (?:awareness|prevention|training|services?|charity|team|policy|course|leaflet)${E})`),
  en('self-harm', `${B}(?:cut|cutting|cuts|slash|slashing|slit|slitting) (?:my|both) (?:arms?|wrists?|legs?|thighs?|skin|stomach)${E}`),
  en('self-harm', `${B}(?:urge|urges|want|wanting|need|tempted) to cut${E}(?! (?:down|back|out|the|my (?:hair|nails)|it)${E})`),
  en('self-harm', `${B}(?:started|start|starting|been) cutting again${E}|^cutting again${E}`),
  en('self-harm', `${B}(?:hurt|burn|burned|burnt|cut|hit|scratch|scratched|bang|banged|punch|punched)\\w*(?: \\S+){0,4} (?:on purpose|deliberately)${E}`),
  en('self-harm', `${B}(?:until|till|til) (?:it|they|i) (?:bled|bleed|was bleeding|were bleeding)${E}`),
  // ---- English: farewell ----
  en('farewell', `${B}(?:goodbye|farewell)(?=\\s*(?:$|[.,!?;]|everyone|everybody|all\\b|you all|world|guys|folks|friends|forever|for ever|for good|for the last time|my friends|and thank|and thanks|i love|love you))`, {unlessReturning: true, keepsNegation: true}),
  en('farewell', `${B}(?:this is|here's) (?:my|the) last (?:post|message)${E}|${B}(?:my|the) last (?:post|message)${END}`, {unlessReturning: true}),
  en('farewell', `${B}the last (?:you'll|you will) (?:ever )?(?:hear|see) (?:from|of) me${E}`),
  en('farewell', `${B}(?:by the time|when) (?:you|anyone|anybody|someone|somebody|they) (?:read|reads|see|sees|find|finds) this${E}`),
  en('farewell', `${B}i(?:'ll| will) be (?:gone|dead)${E}|${B}(?:when|after|once|for after) i(?:'m| am) (?:gone|dead|not here|not around|no longer here)${E}`, {keepsNegation: true}),
  en('farewell', `${B}(?:won't|will not|shan't) be (?:here|around)(?=\\s*(?:$|[.,!?;]|much longer|for much longer|any ?more|tomorrow|by (?:the|tomorrow|morning|then)|to see|after))`, {unlessReturning: true, keepsNegation: true}),
  en('farewell', `${B}(?:go|going|gone|leave|leaving) for good${E}`),
  en('farewell', `${B}tell (?:my|the) (?:kids|children|family|wife|husband|mum|mom|dad|son|daughter|partner|boys|girls|parents)(?: that)? i love (?:them|her|him)${E}`),

  // ---- Welsh: ideation, intent ----
  cy('ideation', `${B}${mut('lladd', 'crogi', 'boddi', 'gwenwyno', 'saethu')} ${SELF_CY}${E}`),
  cy('ideation', `${B}${mut('hunanladdol')}${E}`),
  cy('ideation', `(?<!(?:atal|ymwybyddiaeth|i|drwy|trwy|gan|oherwydd|colled|cyfradd|ystadegau|ar ôl|profedigaeth) )${B}${mut('hunanladdiad')}${E}(?! (?:ymwybyddiaeth|atal)${E})`),
  cy('ideation', `${B}${WANT_CY} (?:\\S+ )?${DEATH_CY}${E}`),
  cy('ideation', `${B}${mut('rhoi')} ${mut('diwedd', 'terfyn', 'pen')} ar (?:fy ${mut('bywyd')}|y cyfan|y cwbl|${mut('popeth')}|${mut('pethau')}|${SELF_CY})${E}`),
  cy('ideation', `${B}${mut('dod')} â(?:'r| fy|'m) (?:${mut('bywyd')}|cyfan|cwbl|${mut('popeth')}|${mut('pethau')}) i ben${E}`),
  cy('ideation', `${B}(?:i'r|i|y|'r) (?:cyfan|cwbl|${mut('popeth')}|fy ${mut('bywyd')}) ${mut('dod')} i ben${E}`),
  cy('ideation', `${B}${mut('gorffen', 'diweddu')} (?:fy ${mut('bywyd')}|y cyfan|${mut('popeth')})${E}`),
  cy('ideation', `${B}${mut('cysgu')}(?: \\S+){0,2} (?:a |ac )?(?:${mut('peidio')}|byth)(?: byth)? (?:â |a )?${mut('deffro', 'dihuno')}${E}`, {keepsNegation: true}),
  cy('ideation', `${B}i ${mut('peidio')} (?:byth )?(?:â |a )?${mut('deffro', 'dihuno', 'bodoli', 'byw')}${E}`, {keepsNegation: true}),
  cy('ideation', `${B}well (?:gen i|gennyf i|gen i) (?:(?:${mut('bod')} wedi )?${mut('marw')}(?! (?:na|nag|o)${E})|${mut('bod')} yn farw|${mut('peidio')} (?:â )?${mut('bodoli', 'byw', 'bod')})`, {keepsNegation: true}),
  cy('ideation', `${B}(?:hoffwn|dymuno|petawn|pe bawn|gwell)(?: \\S+){0,4} (?:erioed wedi|heb) (?:cael |${mut('cael')} )?fy ngeni${E}`, {keepsNegation: true}),
  cy('ideation', `${B}(?:hoffwn|dymuno)(?: \\S+){0,4} (?:wedi marw|yn farw)${E}`),
  cy('ideation', `${B}${NEG_CY}(?:'n| yn)? (?:\\S+ ){0,2}?(?:eisiau|hoffwn|dymuno) (?:\\S+ )?${LIFE_CY}${E}`, {keepsNegation: true}),
  cy('ideation', `${B}(?:meddwl am|meddyliau am) ${mut('marw')}${E}`),
  // ---- Welsh: plan, means ----
  cy('plan', `${B}${mut('casglu', 'cadw', 'pentyrru', 'celcio', 'cuddio', 'hel', 'cynilo')} (?:fy |y |fy holl |digon o |llwyth o )?${MEANS_CY}${E}`),
  cy('plan', `${B}${mut('digon')} o ${MEANS_CY}(?: \\S+)? (?:wedi'u cadw|i'w wneud|i ${mut('lladd')}|i ${mut('marw')}|i ${mut('peidio')}|i ${mut('gorffen')})`),
  cy('plan', `${B}faint o ${MEANS_CY}(?: \\S+){0,5} (?:angheuol|i ${mut('lladd')}|i ${mut('marw')}|i ${mut('peidio')}|i'w wneud|fyddai'n ${mut('lladd')})`),
  cy('plan', `${B}${MEANS_CY} (?:i gyd )?(?:yn barod|wedi'u cyfri|ar unwaith)${E}`),
  cy('plan', `${B}(?:${mut('cymryd')}|${mut('cymerais')}|${mut('cymerodd')}|${mut('trio')}|wedi) (?:\\S+ )?${mut('gorddos')}${E}`),
  cy('plan', `${B}${mut('neidio')} (?:oddi ar|o ben|o flaen|o'r|i'r afon|i'r môr)${E}`),
  cy('plan', `${B}(?:meddwl am|eisiau) ${mut('neidio')}${E}`),
  cy('plan', `${B}${mut('pont')}${E}.{0,80}${B}${mut('neidio')}|${B}${mut('neidio')}${E}.{0,60}${B}${mut('pont')}${E}`),
  cy('plan', `${B}(?:${mut('camu', 'cerdded', 'gyrru', 'taflu')}(?: fy hun)?) o flaen (?:trên|${mut('bws', 'lori', 'car')})${E}|${B}o flaen (?:y |)trên${E}`),
  cy('plan', `${B}(?:${mut('prynu')}|${mut('prynais')}|${mut('prynes')}|gen i|gyda fi)(?: i)? ${mut('rhaff')}${E}(?! ${mut('neidio')})`),
  cy('plan', `${B}${mut('llythyr', 'llythyrau', 'nodyn', 'nodiadau')} (?:${mut('ffarwel')}|olaf|hunanladdiad)${E}`),
  cy('plan', `${B}${mut('rhoi')} fy ${mut('pethau')}(?: i gyd)? i ffwrdd${E}`),
  cy('plan', `${B}(?:pan|erbyn|ar ôl|ar gyfer pan)(?: \\S+){0,2} (?:fydda i|bydda i|byddaf i|fyddaf i) wedi mynd${E}`),
  cy('plan', `${B}wedi ${mut('dewis')} (?:\\S+ )?${mut('dyddiad')}${END}`),
  // ---- Welsh: hopelessness ----
  cy('hopelessness', `${B}(?:dim|beth yw'r|beth yw|be 'di'r|beth ydy'r|pa) ${mut('pwynt')} (?:i fi |i mi |mewn |yn |o )?${LIFE_CY}${E}`, {keepsNegation: true}),
  cy('hopelessness', `${B}(?:methu gweld|ddim yn gweld|dim|heb) ${mut('ffordd')} allan${E}(?! (?:o'r|o) (?:maes|adeilad|ysbyty|car|dref|ddinas|traffig|ciw|orsaf|ffordd)${E}| heb| drwy| trwy)`, {keepsNegation: true}),
  cy('hopelessness', `${B}ddim (?:yn )?${mut('gwerth')} (?:ei ${mut('byw')}|${mut('byw')})${E}`, {keepsNegation: true}),
  cy('hopelessness', `${B}d?dim(?: byd)?(?: ar ôl)? i ${mut('byw')} amdano${E}`, {keepsNegation: true}),
  cy('hopelessness', `${B}dim ${mut('dyfodol')} (?:i fi|i mi)${END}`, {keepsNegation: true}),
  cy('hopelessness', `${B}dim ${mut('gobaith')}(?: (?:i fi|i mi|ar ôl))?(?=\\s*(?:$|[.,!?;]|o gwbl|rhagor|bellach))`, {keepsNegation: true}),
  cy('hopelessness', `${B}wedi ${mut('blino')} ar (?:${mut('byw')}|${mut('bywyd')}|fod yn fyw|${mut('bodoli')})${E}`),
  cy('hopelessness', `${B}(?:digon|llond bol) ar (?:${mut('byw')}|${mut('bywyd')}|fod yn fyw)${E}`),
  cy('hopelessness', `${B}${mut('rhoi')}'r gorau i (?:${mut('bywyd')}|${mut('byw')})${E}`),
  cy('hopelessness', `${B}(?:methu|alla i ddim|allaf i ddim|fedra i ddim|fedrai ddim|dw i ddim yn gallu|dydw i ddim yn gallu|alla'i ddim|ddim yn (?:meddwl|siŵr|credu) (?:y |)(?:${mut('gallu')}|${mut('galla')}|${mut('gallaf')}|${mut('medra')}) i) (?:${mut('cario', 'mynd')} ymlaen|${mut('dal')} ati|ymdopi(?! (?:â|ag|gyda|efo|heb)${E})|${mut('gwneud')} hyn|${mut('byw')} fel hyn|${mut('bodoli')})${E}`, {keepsNegation: true}),
  // ---- Welsh: burden, belonging ----
  cy('burden', `${B}(?:dw i|rwy|rydw i|teimlo|dwi)(?:'n| yn)? (?:\\S+ ){0,3}?${mut('baich')}${E}`),
  cy('burden', `${B}(?:well|gwell|hapusach)(?: \\S+){0,4} hebdd(?:a|o|of) (?:i|fi)${E}`),
  cy('burden', `${B}(?:well|gwell|hapusach)(?: \\S+){0,4} (?:pe bawn i|petawn i|taswn i|pe byddwn i)(?:'n| wedi| yn)? (?:${mut('marw')}|wedi mynd|mynd)${E}`),
  cy('burden', `${B}pe na (?:bawn|byddwn|fyddwn) i (?:yma|yn fyw|o gwmpas)${E}`, {keepsNegation: true}),
  cy('burden', `${B}neb (?:\\S+ ){0,5}?(?:gweld fy eisiau|gweld eisiau fi|colli fi|fy ngholli)${E}`, {keepsNegation: true}),
  cy('burden', `${B}neb (?:\\S+ ){0,5}?(?:sylwi|poeni|becso|hidio|malio)(?: \\S+){0,3} (?:pe|petawn|taswn|os)${E}`, {keepsNegation: true}),
  // ---- Welsh: self-harm ----
  cy('self-harm', `${B}${mut('torri', 'llosgi', 'brifo', 'anafu', 'niweidio', 'crafu', 'taro', 'cosbi')} ${SELF_CY}${E}`),
  cy('self-harm', `${B}(?:wedi|yn|'n|i|eisiau|dechrau|bod yn|wnes i|ysfa i) ${mut('hunan-niweidio', 'hunan niweidio', 'hunanniweidio')}${E}`),
  cy('self-harm', `${B}${mut('torri', 'llosgi', 'crafu')} fy (?:${mut('braich', 'breichiau', 'arddwrn', 'coesau', 'croen')})${E}`),
  cy('self-harm', `${B}(?:${mut('llosgi', 'torri', 'crafu', 'brifo', 'taro')}|llosgais|torrais|crafais|brifais|trawais)(?: \\S+){0,4} yn ${mut('bwriadol')}${E}`),
  cy('self-harm', `${B}nes (?:eu bod|ei fod|bod|iddo|iddi|iddyn nhw)(?: yn)? ${mut('gwaedu')}${E}`),
  cy('self-harm', `${B}(?:ysfa i|${mut('dechrau')}|dechreuais(?: i)?) ${mut('torri')}(?: eto)?${END}`),
  // ---- Welsh: farewell ----
  cy('farewell', `${B}(?:fy|y) ${mut('neges')} olaf${E}`, {unlessReturning: true}),
  cy('farewell', `(?<!(?:parti|cinio|te|noson|anrheg|cerdyn|gwasanaeth|taith|araith) )${B}${mut('ffarwel', 'ffarwelio')}${E}(?! (?:i'r|i'n|parti)${E})`, {unlessReturning: true}),
  cy('farewell', `${B}(?:hwyl fawr|ta ta) am byth${E}`),
  cy('farewell', `(?:${B}y|'r) tro olaf y (?:clywch|clywi|gwelwch)${E}`),
  cy('farewell', `${B}(?:erbyn i|pan fyddwch|pan fydd) (?:chi|unrhyw un|rywun|rhywun|ti|pawb|bawb)(?:'n| yn)? (?:${mut('darllen')}|${mut('gweld')}) hwn${E}`),
  cy('farewell', `${B}(?:bydda i|fydda i|byddaf i|byddaf) wedi mynd${E}(?! (?:i'r|i |adre|adref|ar)${E})`, {keepsNegation: true}),
  cy('farewell', `${B}fydda i ddim (?:yma|o gwmpas)(?:'n| yn)?(?=\\s*(?:$|[.,!?;]|llawer hirach|yfory|rhagor|bellach|i weld))`, {unlessReturning: true, keepsNegation: true}),
  cy('farewell', `${B}(?:mynd|fynd) am byth${E}`),
  cy('farewell', `${B}(?:dywedwch|dwedwch|dweud) wrth (?:y plant|fy mhlant|fy nheulu|mam|dad|fy ngŵr|fy ngwraig)(?: \\S+){0,3} (?:eu|ei) ${mut('caru')}${E}`),
];

// Issue 16: compiled on first use, not when the module is evaluated. The stores import this module (a post
// is checked when it is created), and compiling these ~100 Unicode-aware patterns took ~300 ms of main thread
// at Lighthouse's 4× CPU slowdown on every page that opened a store, reader or not (bench:profile).
let compiled: (Rule & {regex: RegExp})[] | null = null;
const compiledRules = () => (compiled ??= RULES.map((r) => ({...r, regex: new RegExp(r.re, 'gu')})));

/** The crisis phrases in `text` that are not cancelled by a negation (empty when none). */
export function findCrisisWording(text: string): CrisisMatch[] {
  if (!text) return [];
  const t = normalise(text);
  const found: CrisisMatch[] = [];
  for (const rule of compiledRules()) {
    if (rule.unlessReturning && (rule.lang === 'en' ? RETURN_EN : RETURN_CY).test(t)) continue;
    rule.regex.lastIndex = 0;
    for (let m = rule.regex.exec(t); m; m = rule.regex.exec(t)) {
      if (rule.keepsNegation || !negated(rule.lang, t.slice(0, m.index))) {
        found.push({lang: rule.lang, kind: rule.kind, phrase: m[0]});
        break;
      }
      if (m[0] === '') rule.regex.lastIndex++;
    }
  }
  return found;
}

/** Whether a draft contains crisis wording, so support is offered beside the composer. */
export const hasCrisisWording = (text: string): boolean => findCrisisWording(text).length > 0;
