// The crisis-wording phrase corpus (issue 7): phrases that must offer support, and phrases that must
// not (negations, quoting and reporting others, idioms, awareness talk, health talk that sounds dark).
// Kept with the detector (src/data/crisis.ts): when a missed phrase or a false alarm is found in real
// use, add it here first. Welsh phrases use their usual mutations.

export interface CorpusPhrase {
  text: string;
  lang: 'en' | 'cy';
}

export const MUST_TRIGGER: readonly CorpusPhrase[] = [
  // English: direct statements
  {lang: 'en', text: 'I want to kill myself'},
  {lang: 'en', text: 'i wanna kill myself tonight'},
  {lang: 'en', text: 'I feel suicidal again'},
  {lang: 'en', text: 'Having suicidal thoughts every day this week'},
  {lang: 'en', text: 'I’ve been self-harming since the diagnosis'},
  {lang: 'en', text: 'I self harm when the pain gets too much'},
  {lang: 'en', text: 'I keep cutting myself'},
  {lang: 'en', text: 'I hurt myself last night'},
  {lang: 'en', text: 'I want to end my life'},
  {lang: 'en', text: 'thinking about ending my life'},
  {lang: 'en', text: 'I am going to take my own life'},
  {lang: 'en', text: 'I want to die'},
  {lang: 'en', text: 'I just wanna die'},
  {lang: 'en', text: 'I wish I was dead'},
  {lang: 'en', text: 'Sometimes I wish I were dead'},
  {lang: 'en', text: 'Everyone would be better off without me'},
  {lang: 'en', text: 'my kids would be better off if I was gone'},
  {lang: 'en', text: 'There is no reason to live any more'},
  {lang: 'en', text: 'I see no point in living'},
  {lang: 'en', text: 'I can’t go on like this'},
  {lang: 'en', text: 'I cannot cope anymore'},
  {lang: 'en', text: 'I can’t take it any more'},
  {lang: 'en', text: 'I don’t want to be alive'},
  {lang: 'en', text: 'I don’t want to wake up tomorrow'},
  {lang: 'en', text: 'I took an overdose last year and I feel like doing it again'},
  {lang: 'en', text: 'thinking of taking an overdose'},
  {lang: 'en', text: 'I have pills saved up to end it all'},
  {lang: 'en', text: 'I want to end it all'},
  {lang: 'en', text: 'I’m going to kill myself'},
  {lang: 'en', text: 'I don’t want to live anymore'},
  {lang: 'en', text: 'I’m planning my suicide'},
  {lang: 'en', text: 'nobody would miss me if I was gone'},
  {lang: 'en', text: 'I hate myself so much I want to disappear forever'},
  {lang: 'en', text: 'I’m not sure why. I want to kill myself.'},
  {lang: 'en', text: 'I WANT TO DIE'},
  // Welsh
  {lang: 'cy', text: 'Dw i eisiau lladd fy hun'},
  {lang: 'cy', text: 'Rwy’n meddwl am ladd fy hun'},
  {lang: 'cy', text: 'Rwy’n teimlo’n hunanladdol'},
  {lang: 'cy', text: 'Dw i isio marw'},
  {lang: 'cy', text: 'Rwy eisiau marw'},
  {lang: 'cy', text: 'Dwi moyn marw'},
  {lang: 'cy', text: 'Rwy wedi bod yn hunan-niweidio'},
  {lang: 'cy', text: 'Dw i wedi bod yn niweidio fy hun'},
  {lang: 'cy', text: 'Rwy’n torri fy hun'},
  {lang: 'cy', text: 'Rwy eisiau dod â fy mywyd i ben'},
  {lang: 'cy', text: 'Dw i eisiau diweddu fy mywyd'},
  {lang: 'cy', text: 'Dw i’n methu mynd ymlaen'},
  {lang: 'cy', text: 'Rwy’n methu ymdopi rhagor'},
  {lang: 'cy', text: 'Byddai pawb yn well hebdda i'},
  {lang: 'cy', text: 'Rwy’n meddwl am hunanladdiad'},
];

export const MUST_NOT_TRIGGER: readonly CorpusPhrase[] = [
  // Idioms
  {lang: 'en', text: 'this queue is killing me'},
  {lang: 'en', text: 'I’m dying to know how the walk went'},
  {lang: 'en', text: 'I nearly died laughing at the nurse’s joke'},
  {lang: 'en', text: 'my feet are killing me after the 10k'},
  {lang: 'en', text: 'I could kill for a cup of tea'},
  {lang: 'en', text: 'I’ll die of embarrassment if I cough in the meeting'},
  {lang: 'en', text: 'The battery on my nebuliser died'},
  {lang: 'en', text: 'That film was to die for'},
  {lang: 'en', text: 'My phone is dead again'},
  {lang: 'en', text: 'I’m dead tired after the night shift'},
  {lang: 'en', text: 'You killed it at the fundraiser!'},
  {lang: 'en', text: 'This inhaler is a lifesaver'},
  {lang: 'en', text: 'I could murder a bacon sandwich'},
  // Negations
  {lang: 'en', text: 'I’m not suicidal, just tired'},
  {lang: 'en', text: 'I don’t want to die, I want to get better'},
  {lang: 'en', text: 'I would never kill myself'},
  {lang: 'en', text: 'I no longer self-harm, three years clean'},
  {lang: 'en', text: 'I have never wanted to end my life'},
  // Awareness and services
  {lang: 'en', text: 'We are raising money for suicide prevention'},
  {lang: 'en', text: 'Suicide awareness week starts Monday'},
  {lang: 'en', text: 'The Samaritans training covered self-harm awareness'},
  // Health talk that sounds dark
  {lang: 'en', text: 'The asthma attack felt like I was going to suffocate, but the spacer helped'},
  {lang: 'en', text: 'Cut my inhaler use down to twice a week'},
  {lang: 'en', text: 'I hurt my back lifting the oxygen cylinder'},
  {lang: 'en', text: 'My dad died of COPD in 2019'},
  {lang: 'en', text: 'I take my preventer every morning'},
  {lang: 'en', text: 'The overdose advice on the leaflet is confusing'},
  {lang: 'en', text: 'I can’t go on the school trip'},
  {lang: 'en', text: 'I can’t take it with food, it has to be on an empty stomach'},
  {lang: 'en', text: 'Living with asthma is hard but the group helps'},
  {lang: 'en', text: 'Help! How do I end my subscription?'},
  {lang: 'en', text: 'I was so relieved I wanted to cry'},
  // Welsh idioms and negations
  {lang: 'cy', text: 'Mae’r ciw yma’n fy lladd i'},
  {lang: 'cy', text: 'Dydw i ddim eisiau marw'},
  {lang: 'cy', text: 'Nid wyf yn hunanladdol'},
  {lang: 'cy', text: 'Bu farw fy nhad o COPD'},
  {lang: 'cy', text: 'Rwy’n marw eisiau gwybod sut aeth y daith gerdded'},
  {lang: 'cy', text: 'Wythnos atal hunanladdiad yn dechrau dydd Llun'},
  {lang: 'cy', text: 'Torrais fy mraich y llynedd'},
  {lang: 'cy', text: 'Rwy’n methu mynd i’r cyfarfod yfory'},
  {lang: 'cy', text: 'Mae fy nhraed yn fy lladd i ar ôl y ras'},
  {lang: 'cy', text: 'Diolch am y cyngor am yr anadlydd'},
];
