/**
 * Writes a synthetic corpus of press-release-like .txt documents for
 * benchmarks: organisations from combinable name parts (with acronyms),
 * people with honorifics and roles, countries and cities, and meeting, MoU,
 * programme, membership, event and termination stories in varied structures.
 * Deterministic for a given seed.
 *
 *   npm run corpus:generate -- --count 5000 --out .scratch/corpus [--seed 42]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { integerFlag, parseCommandLine, usageErrorExitCode } from '../src/cli/command-line.ts';
import { AppError } from '../src/errors.ts';
import { rng } from './rng.ts';

const COUNTRIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Morocco', 'Rabat', 'Moroccan'], ['Kenya', 'Nairobi', 'Kenyan'], ['Germany', 'Berlin', 'German'], ['Brazil', 'Brasilia', 'Brazilian'],
  ['Indonesia', 'Jakarta', 'Indonesian'], ['Senegal', 'Dakar', 'Senegalese'], ['Jordan', 'Amman', 'Jordanian'], ['Canada', 'Ottawa', 'Canadian'],
  ['Malaysia', 'Kuala Lumpur', 'Malaysian'], ['Nigeria', 'Abuja', 'Nigerian'], ['France', 'Lyon', 'French'], ['Egypt', 'Cairo', 'Egyptian'],
  ['Kazakhstan', 'Astana', 'Kazakh'], ['Chile', 'Santiago', 'Chilean'], ['Finland', 'Helsinki', 'Finnish'], ['Ghana', 'Accra', 'Ghanaian'],
  ['Tunisia', 'Sfax', 'Tunisian'], ['India', 'Bengaluru', 'Indian'], ['Japan', 'Osaka', 'Japanese'], ['Portugal', 'Porto', 'Portuguese'],
  ['Mexico', 'Monterrey', 'Mexican'], ['Oman', 'Muscat', 'Omani'], ['Uganda', 'Kampala', 'Ugandan'], ['Norway', 'Bergen', 'Norwegian'],
];
const ADJECTIVES = ['National', 'Royal', 'Federal', 'Regional', 'International', 'Global', 'Pan-African', 'Northern', 'Coastal', 'Central', 'Eastern', 'Western', 'Southern', 'Highland', 'Metropolitan'];
const FIELDS = [
  'Marine Science', 'Renewable Energy', 'Public Health', 'Digital Innovation', 'Water Resources', 'Food Security', 'Cultural Heritage',
  'Applied Mathematics', 'Climate Research', 'Space Technology', 'Education Policy', 'Biotechnology', 'Urban Planning', 'Quality Assurance',
  'Artificial Intelligence', 'Materials Science', 'Tropical Medicine', 'Desert Agriculture', 'Sustainable Mining', 'Library Science',
];
const KINDS = ['Institute', 'Agency', 'Foundation', 'Council', 'Centre', 'Academy', 'Association', 'Observatory', 'Network', 'Society'];
const SURNAMES = [
  'Haddad', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Al-Rashid', 'Mensah', 'Kowalski', 'Santos', 'Ibrahim', 'Novak', 'Chen',
  'Adeyemi', 'Fischer', 'Rahman', 'Costa', 'Nakamura', 'Diallo', 'Petrov', 'Hassan', 'Murphy', 'Kariuki', 'Varga', 'El-Amin',
  'Silva', 'Bergström', 'Ndiaye', 'Kaur', 'Yilmaz', 'Rossi', 'Abdullah', 'Okonkwo', 'Lefebvre', 'Suzuki', 'Mwangi', 'Dubois',
];
const GIVEN = [
  'Amina', 'Karim', 'Sofia', 'Daniel', 'Leila', 'Omar', 'Grace', 'Tomas', 'Yuki', 'Fatima', 'Samuel', 'Ingrid', 'Rania', 'Pedro',
  'Aisha', 'Lukas', 'Nadia', 'Kwame', 'Elena', 'Hamza', 'Marta', 'Chidi', 'Sara', 'Jonas', 'Mariam', 'Rafael', 'Zainab', 'Henrik',
];
const HONORIFICS = ['Dr.', 'Prof.', 'H.E.', 'Eng.', 'Ms.', 'Mr.', 'Prof. Dr.', ''];
const TITLES = ['President', 'Director-General', 'Vice-Chancellor', 'Secretary General', 'Executive Director', 'Rector', 'Chief Executive Officer', 'Vice President for Research', 'Dean'];
const AREAS = ['education', 'scientific research', 'climate adaptation', 'digital skills', 'heritage preservation', 'public health', 'water management', 'renewable energy', 'student mobility', 'quality assurance'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Org {
  name: string;
  acronym: string | null;
  country: (typeof COUNTRIES)[number];
}

interface Person {
  name: string;
  honorific: string;
  title: string;
  org: Org;
}

function acronymOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !['Of', 'For', 'And', 'The'].includes(w))
    .map((w) => w[0])
    .join('');
}

/** A pool of organisations and people shared by the corpus, so documents overlap. */
function buildWorld(random: () => number, size: number): { orgs: Org[]; people: Person[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const orgs: Org[] = [];
  const seen = new Set<string>();
  while (orgs.length < size) {
    const country = pick(COUNTRIES);
    const shape = Math.floor(random() * 5);
    let name: string;
    switch (shape) {
      case 0:
        name = `${pick(ADJECTIVES)} ${pick(KINDS)} for ${pick(FIELDS)}`;
        break;
      case 1:
        name = `University of ${country[1]}`;
        if (random() < 0.6) name = `${pick(['Technical', 'Open', 'Catholic', 'Polytechnic', 'State'])} ${name}`;
        break;
      case 2:
        name = `${country[2]} ${pick(KINDS)} of ${pick(FIELDS)}`;
        break;
      case 3:
        name = `Ministry of ${pick(FIELDS)} of ${country[0]}`;
        break;
      default:
        name = `${pick(['Nova', 'Atlas', 'Meridian', 'Helix', 'Zenith', 'Baobab', 'Cedar', 'Orion', 'Sahel', 'Aurora'])} ${pick(['Energy', 'Systems', 'Labs', 'Analytics', 'Water', 'Health'])} ${pick(['Ltd', 'Group', 'Corporation', 'Inc'])}`;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    const acronym = shape === 3 || shape === 4 || random() < 0.3 ? null : acronymOf(name);
    orgs.push({ name, acronym: acronym && acronym.length >= 3 ? acronym : null, country });
  }
  const people: Person[] = [];
  for (const org of orgs) {
    const count = 1 + Math.floor(random() * 2);
    for (let i = 0; i < count; i++) {
      people.push({ name: `${pick(GIVEN)} ${random() < 0.3 ? `${pick(['M.', 'A.', 'K.', 'R.'])} ` : ''}${pick(SURNAMES)}`, honorific: pick(HONORIFICS), title: pick(TITLES), org });
    }
  }
  return { orgs, people };
}

function documentText(random: () => number, world: { orgs: Org[]; people: Person[] }, index: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // A few hub organisations appear often, most rarely: a realistic skew.
  const pickOrg = (): Org => (random() < 0.25 ? world.orgs[Math.floor(random() * 12)]! : pick(world.orgs));
  const a = pickOrg();
  let b = pickOrg();
  while (b === a) b = pickOrg();
  const peopleOf = (o: Org) => world.people.filter((p) => p.org === o);
  const pa = pick(peopleOf(a));
  const pb = pick(peopleOf(b));
  const year = 2015 + Math.floor(random() * 10);
  const month = Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 27);
  const published = `${day} ${MONTHS[month]} ${year}`;
  const short = (o: Org) => o.acronym ?? o.name;
  const intro = (o: Org) => (o.acronym ? `the ${o.name} (${o.acronym})` : `the ${o.name}`);
  const person = (p: Person) => `${p.honorific ? `${p.honorific} ` : ''}${p.name}, ${p.title} of ${short(p.org)}`;
  const area = pick(AREAS);
  const area2 = pick(AREAS);
  const story = Math.floor(random() * 6);
  const lines: string[] = [];
  let headline: string;
  switch (story) {
    case 0:
      headline = `${short(a)} and ${short(b)} sign Memorandum of Understanding`;
      lines.push(
        `${cap(intro(a))} and ${intro(b)} signed a Memorandum of Understanding (MoU) on ${pick(WEEKDAYS)} in ${a.country[1]} to strengthen cooperation in ${area} and ${area2}.`,
        `The MoU was signed by ${person(pa)}, and ${person(pb)}.`,
        `Under the agreement, the two institutions will develop joint research projects and exchange staff and students.`,
        `"This partnership opens a new chapter for ${short(a)}," said ${pa.name.split(' ').pop()}.`,
      );
      break;
    case 1:
      headline = `${short(a)} receives delegation from ${short(b)}`;
      lines.push(
        `${person(pa)}, received yesterday a delegation from ${intro(b)}, headed by ${person(pb)}.`,
        `The two sides discussed prospects for cooperation in ${area}, and agreed to prepare a cooperation agreement between ${short(a)} and ${short(b)}.`,
        `The meeting took place at the headquarters of ${short(a)} in ${a.country[1]}, ${a.country[0]}.`,
      );
      break;
    case 2: {
      const c = pickOrg();
      headline = `Joint programme on ${area} launched`;
      lines.push(
        `${cap(intro(a))}, ${intro(b)}${c !== a && c !== b ? ` and ${intro(c)}` : ''} launched a joint programme on ${area} this week.`,
        `The programme, funded by ${short(a)}, will offer scholarships to young researchers from ${b.country[0]}.`,
        `${person(pb)}, welcomed the launch and thanked ${short(a)} for its support.`,
      );
      break;
    }
    case 3:
      headline = `${short(b)} joins ${short(a)} network`;
      lines.push(
        `${cap(intro(b))} has become a member of ${intro(a)}, following a vote of the General Assembly on ${day} ${MONTHS[month]} ${year}.`,
        `${person(pa)}, said the new member would strengthen work on ${area}.`,
        `${short(b)} is based in ${b.country[1]}, ${b.country[0]}.`,
      );
      break;
    case 4:
      headline = `${short(a)} and ${short(b)} end partnership`;
      lines.push(
        `${cap(intro(a))} announced on ${pick(WEEKDAYS)} that it has terminated its partnership with ${intro(b)}.`,
        `The agreement, signed in ${year - 3}, covered cooperation in ${area}.`,
        `${person(pa)}, thanked ${short(b)} for years of collaboration.`,
      );
      break;
    default: {
      const event = `${pick(['International', 'Regional', 'Annual'])} Forum on ${cap(area)} ${year}`;
      headline = `${event} opens in ${a.country[1]}`;
      lines.push(
        `The ${event} opened on ${day} ${MONTHS[month]} ${year} in ${a.country[1]}, co-organised by ${intro(a)} and ${intro(b)}.`,
        `Speakers included ${person(pa)}, and ${person(pb)}.`,
        `Participants from ${a.country[0]} and ${b.country[0]} discussed ${area} and ${area2}.`,
      );
    }
  }
  // Background paragraphs: what real releases carry around the facts (quotes, context, about sections).
  const quote = (p: Person, o: Org) =>
    pick([
      `"We are proud to work with partners who share our commitment to ${area}," said ${p.name}. "Cooperation of this kind multiplies what each institution can achieve on its own."`,
      `Speaking at the occasion, ${p.name} stressed the importance of ${area2} for the next generation of researchers and thanked the teams of both institutions for their preparation.`,
      `According to ${p.name}, the initiative reflects the strategy adopted by ${short(o)} for the period ${year}-${year + 4}, which places ${area} at the heart of its work.`,
    ]);
  const context = () =>
    pick([
      `The cooperation builds on several years of informal contacts between researchers in ${a.country[0]} and ${b.country[0]}, including visiting lectures, co-supervised theses and joint publications.`,
      `Over the coming months, working groups will define the activities, timetable and budget, and report to the leadership of both institutions before the end of ${year}.`,
      `The activities will include summer schools, short-term fellowships, online courses and a shared repository of teaching material, open to students from both countries.`,
      `Both sides also reviewed ongoing projects, identified new priorities in ${area2}, and agreed to hold regular follow-up meetings, alternating between ${a.country[1]} and ${b.country[1]}.`,
      `Participants highlighted the role of universities and research centres in meeting the Sustainable Development Goals, and the need for long-term funding of international cooperation.`,
    ]);
  const about = (o: Org) =>
    `About ${short(o)}: ${cap(intro(o))} is based in ${o.country[1]}, ${o.country[0]}. It works on ${pick(AREAS)} and ${pick(AREAS)}, and cooperates with institutions in more than ${10 + Math.floor(random() * 80)} countries.`;
  const body = [lines[0]!, context(), ...lines.slice(1), quote(pa, a), context(), quote(pb, b)];
  const chrome = random() < 0.3;
  const out = [
    ...(chrome ? ['Home | News | Media Centre | Contact', 'Skip to main content', ''] : []),
    headline,
    '',
    published,
    '',
    ...body.flatMap((l) => [l, '']),
    ...(random() < 0.7 ? [about(a), ''] : []),
    ...(random() < 0.4 ? [about(b), ''] : []),
    ...(chrome ? ['Share: Facebook | X | LinkedIn', '© All rights reserved.'] : []),
    `Ref. ${index}`,
  ];
  return out.join('\n');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Generates `count` documents into `out` (created if missing). */
export function generateCorpus(options: { count: number; out: string; seed: number }): number {
  const random = rng(options.seed);
  const world = buildWorld(random, Math.max(40, Math.round(options.count / 6)));
  mkdirSync(options.out, { recursive: true });
  for (let i = 0; i < options.count; i++) {
    writeFileSync(path.join(options.out, `gen-${String(i).padStart(6, '0')}.txt`), documentText(random, world, i));
  }
  return options.count;
}

const USAGE = 'usage: npm run corpus:generate -- --out <folder> [--count 5000] [--seed 42]';

function parse(argv: string[]): { count: number; out: string; seed: number } {
  const { values } = parseCommandLine({
    args: argv,
    options: { count: { type: 'string', default: '5000' }, out: { type: 'string' }, seed: { type: 'string', default: '42' } },
  });
  if (values.out === undefined || values.out === '') throw new AppError('BAD_USER_INPUT', '--out <folder> is required');
  return { count: integerFlag('count', values.count, 1, 10_000_000), out: values.out, seed: integerFlag('seed', values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let options: ReturnType<typeof parse> | null = null;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.exitCode = usageErrorExitCode(error, USAGE);
  }
  if (options !== null) {
    const started = performance.now();
    generateCorpus(options);
    process.stdout.write(`wrote ${options.count} documents to ${options.out} (seed ${options.seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}
