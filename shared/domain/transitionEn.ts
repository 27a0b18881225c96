/**
 * The transition rules' words in English, beside the Japanese of transition.ts: the same
 * reasons, notes and losses, in the same order (a unit test holds the two together), so the
 * English UI can show the helper and the summary without a word of Japanese chrome.
 */
import type { ShogaiServiceId, ServiceSystemId } from './services.ts';

/** One rule's texts. */
export interface RuleTexts {
  readonly reason: string;
  readonly notes?: readonly string[];
  readonly losses?: readonly string[];
}

const HELPER_INSTRUCTIONS =
  'LTC insurance helpers work to the home-help plan written by the service manager and the procedure sheet based on it (two separate documents); disability-service helpers often act on the person’s own instructions. This is a difference of practice, not of law (from training interviews). Confirm with the person that the way they receive help will change.';
const NO_LEISURE =
  'Home help never covered outings for enjoyment (those are severe-disability home care, behaviour support, accompanied outings or mobility support). If the person uses outing support, check that service separately.';
const EXCLUDED =
  'while they use it they are excluded from LTC insurance (Enforcement Act of the LTC Insurance Act art. 11, Enforcement Rules art. 170) and are not insured; the disability service simply continues.';
const MUNICIPAL = 'A municipal community life support programme: check the municipality’s rules for use after 65.';
const AGE_REQUIREMENT = 'Use at 65 or over has conditions, such as a grant decided before 65. Check with the municipality.';
const SAME_ITEM = 'Check which system each item belongs to.';

/** The generated notes of every detail, in English. */
export const TRANSITION_NOTES_EN = {
  confirm: 'The municipality applies “LTC insurance first” to the person’s own situation. Confirm its decision and record it.',
  topUp: 'If more is needed than the LTC monthly ceiling allows, ask the municipality whether, and how much, disability services can top it up.',
  kyoseigata: (partners: string) => `A provider designated as kyōsei-gata (${partners}) can keep supporting the person.`,
  highCostRefund: (label: string) => `May qualify for the ${label} (check the conditions; the person applies).`,
  anyOf: (names: string, reason: string) => `Whichever of ${names}: ${reason}`,
  dependsOn: (parts: string) => `It depends on which service. ${parts}`,
  unknown: 'Not in the catalogue. Check what takes its place after the move.',
  allContinue: (names: string) => `Whichever of ${names}, it continues under disability services.`,
  whichOne: (names: string) => `Confirm which service: ${names}`,
} as const;

/** Why a service outside the move is listed apart, in English. */
export const OTHER_NOTES_EN: { readonly [K in ServiceSystemId]: string } = {
  shogai: 'Not part of the move at 65.',
  kaigo: 'Already an LTC insurance service.',
  iryo: 'Medical care (health insurance, the Intractable Diseases Act) does not change with the move.',
  informal: 'Support outside the systems. Check that it goes on after the move.',
};

/** Every rule's texts in English, by 障害福祉 service. */
export const RULE_TEXTS_EN: { readonly [K in ShogaiServiceId]: RuleTexts } = {
  'kyotaku-kaigo': {
    reason: 'LTC home help is the equivalent, so once the care-need certification is made LTC insurance comes first (escort to hospital is part of home help too).',
    notes: [HELPER_INSTRUCTIONS, NO_LEISURE],
    losses: ['Help inside the hospital (LTC allows it only by exception)', 'Housework help when family live with the person (restricted in LTC home help)'],
  },
  'judo-homon-kaigo': {
    reason: 'LTC home help comes first, but long hours of support including watching over rarely fit the LTC monthly ceiling, so a disability top-up often continues (typical in ALS).',
    notes: [HELPER_INSTRUCTIONS, 'With several severe-disability home care providers, the care manager and the providers must coordinate.'],
    losses: ['Long hours of support including watching over', 'Helpers who act on the person’s instructions', 'Care while travelling on outings'],
  },
  'dokou-engo': { reason: 'No LTC service matches outing support for people with visual impairment, so it continues under disability services.' },
  'koudou-engo': { reason: 'No LTC service matches behaviour support for people with severe behavioural difficulties, so it continues under disability services.' },
  'judo-houkatsu': {
    reason: 'The parts with an LTC equivalent (home visits, day services, short stays) move to LTC insurance first; check a top-up for what is missing.',
    notes: ['Check, part by part, what moves to LTC insurance and what stays with disability services.'],
    losses: ['Coordination of everything by one provider'],
  },
  'tanki-nyusho': {
    reason: 'LTC short-stay daily care (preventive short-stay care for support levels) is the equivalent, so LTC insurance comes first.',
    notes: ['If medical care is needed (medical short stay), check who takes the person for LTC short-stay medical care.'],
  },
  'iryo-tanki-nyusho': {
    reason: 'For medical short stay, LTC short-stay medical care (geriatric health facilities, integrated care hospitals…) is the equivalent, so LTC insurance comes first.',
    notes: ['Few places can provide the medical care. Also check medical options such as respite admission for intractable diseases.'],
    losses: ['Short stays at the familiar medical institution (the place may change)'],
  },
  'ryoyo-kaigo': { reason: `While the person is in hospital receiving medical-care support, ${EXCLUDED}` },
  'shisetsu-nyusho': {
    reason: `While the person lives in a disability support facility, ${EXCLUDED}`,
    notes: ['Leaving to live in the community makes them insured, and “LTC insurance first” applies.'],
  },
  'chiiki-ikou': { reason: 'No LTC service matches support for moving from a facility or hospital into the community, so it continues under disability services.' },
  'chiiki-teichaku': { reason: 'No LTC service matches round-the-clock contact and emergency support in the community, so it continues under disability services.' },
  'nicchu-ichiji': {
    reason: 'A municipal community life support programme: some municipalities end it as covered by LTC day services or short stays, others continue it.',
    notes: [MUNICIPAL],
  },
  'ishi-sotsu': {
    reason: 'No LTC service matches communication support such as sign-language interpreting or captioning, so it continues as a community life support programme.',
    notes: [MUNICIPAL],
  },
  'houmon-nyuyoku-service': { reason: 'LTC home bathing is the equivalent, so LTC insurance comes first.', notes: [MUNICIPAL] },
  'seikatsu-kaigo': {
    reason: 'For care during the day, LTC day care and community day care are the equivalent, so LTC insurance comes first.',
    notes: ['What is done in the day (creative and productive activities) differs from LTC day care.'],
    losses: ['Day activities suited to the disability (creative and productive activities)'],
  },
  'jiritsu-kinou': { reason: 'Training of physical function is taken to match LTC outpatient and home rehabilitation, so LTC insurance comes first (life-skills training is treated differently).' },
  'jiritsu-seikatsu': { reason: 'No LTC service matches life-skills training, so it continues under disability services.' },
  'shuro-ikou': { reason: 'No LTC service matches employment support, so it continues under disability services.', notes: [AGE_REQUIREMENT] },
  'shuro-keizoku-a': { reason: 'No LTC service matches employment support, so it continues under disability services.', notes: [AGE_REQUIREMENT] },
  'shuro-keizoku-b': { reason: 'No LTC service matches employment support, so it continues under disability services.' },
  'shuro-teichaku': { reason: 'A training benefit with no LTC equivalent, so it continues under disability services.' },
  'shuro-sentaku': { reason: 'A training benefit with no LTC equivalent, so it continues under disability services.' },
  'jiritsu-seikatsu-enjo': { reason: 'A training benefit with no LTC equivalent, so it continues under disability services.' },
  'kyodo-seikatsu': {
    reason: 'No LTC service matches a group home for people with disabilities, so it continues under disability services.',
    notes: ['LTC group homes for people with dementia are a different service and no substitute.', 'Moving in for the first time after 65 may have conditions. Check with the municipality.'],
  },
  'jido-hattatsu': { reason: 'A Child Welfare Act service for preschool children, not part of the move at 65 (at 18 the person moves to the Comprehensive Support Act).' },
  'hokago-day': { reason: 'A Child Welfare Act service for school children (to 20 while in school), not part of the move at 65.' },
  'keikaku-soudan': {
    reason: 'While even one disability-only service remains, plan consultation continues and the support planner and care manager work side by side; with LTC services alone, home care support takes over.',
    notes: ['It depends on which services remain. Check with the municipality.'],
  },
  hosougu: {
    reason: 'Ready-made items shared with LTC equipment rental (wheelchairs, walkers) come under LTC insurance first; prostheses, orthoses, hearing aids and items made for the body stay with prosthetic devices.',
    notes: [SAME_ITEM],
  },
  'nichijo-yogu': {
    reason: 'Items shared with LTC (special beds, bathing aids, home adaptations) come under LTC insurance first; other items stay with daily-living equipment.',
    notes: [SAME_ITEM, MUNICIPAL],
  },
  'idou-shien': {
    reason: 'No LTC service supports outings for leisure and taking part in society, so it often continues as a municipal community life support programme.',
    notes: ['Check the municipality’s rules for use after 65.'],
  },
};
