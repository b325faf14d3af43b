/**
 * The catalogue of extraction rules. Every relation the extractor emits names
 * the rules that produced it (`rules` in the extraction format), so an analyst
 * can ask "why is this edge here?" and `npm run eval -- --by-rule` can credit
 * each rule with its true and false positives on the gold sets.
 *
 * A rule here is a decision that creates a fact: a sentence pattern, or a
 * group of lexicon entries that acts as one. Each has a one-line reason and
 * example sentences; `rules.test.ts` runs every rule on its own examples and
 * checks that the rule fires there. `--disable <id>` (ablation) switches a rule
 * off for one run, which is how a rule earns its place: a rule that does not
 * pay on both development sets is deleted.
 */

export interface Rule {
  id: string;
  /** What the rule captures, in one line. */
  reason: string;
  /** Texts on which the rule fires (each is extracted on its own in the rule tests). */
  examples: readonly string[];
}

export const RULES: readonly Rule[] = [
  // Partnerships.
  {
    id: 'partner.coordinated-subject',
    reason: 'organisations coordinated as the subject of a cooperation verb',
    examples: ['The University of Sfax and Université Laval signed a memorandum of understanding on 3 May 2023.'],
  },
  {
    id: 'partner.between',
    reason: '"between X and Y" after a cooperation noun',
    examples: ['The agreement between the African Union Commission and the Islamic Development Bank covers training.'],
  },
  {
    id: 'partner.with',
    reason: 'a party before a cooperation word and "with", "to" or "at" before the other',
    examples: ['The Leibniz Association signed a memorandum of understanding with the Islamic Development Bank.'],
  },
  {
    id: 'partner.by-group',
    reason: 'the parties after "backed by", "agreed by", "implemented by" in one undertaking act together',
    examples: ['The programme, backed by the OPEC Fund for International Development and the Arab Bank for Economic Development in Africa, will be implemented by the Ministry of Gender, Children and Social Welfare.'],
  },
  {
    id: 'partner.joint-of',
    reason: '"a joint initiative of A, B and C", "an alliance of A, B and C" (and the alliance with each member)',
    examples: ['The camps are a joint initiative of the Uganda National Commission for UNESCO, the Kenya National Commission for UNESCO and the Tanzania Commission for Science and Technology.'],
  },
  {
    id: 'partner.with-contributor',
    reason: 'an absolute clause names a contributor: "..., with X providing ...", "..., with technical support from X"',
    examples: ['Strathmore University and Moi University will each open an AI skills clinic, with the Islamic Development Bank providing cloud credits and training content.', 'The camps are run by the Kenya National Commission for UNESCO, with technical support from the UNESCO Regional Office for Eastern Africa.'],
  },
  {
    id: 'partner.counted-list',
    reason: 'a counted group an organisation admits or works with ("admitted five new members"), listed by name in the next sentence',
    examples: ['The Baltic Library Network admitted three new members on Friday. The new members are the Tartu University Library; the National Library of Latvia; and the Vilnius University Library.'],
  },
  {
    id: 'partner.fronted-with',
    reason: 'a partner fronted before the subject: "In partnership with X, Y and Z will launch ..."',
    examples: ['In partnership with the Islamic Development Bank, the University of Lagos will launch a scholarship programme.'],
  },
  {
    id: 'partner.transitive',
    reason: 'an organisation supports, funds, hosts, receives or meets another ("Bank Muscat backs SQU programme")',
    examples: ['The Islamic Development Bank hosted a delegation of the University of Lagos in Jeddah on Monday.'],
  },
  {
    id: 'partner.joins',
    reason: 'an organisation joins another as a member',
    examples: ['The University of Sfax joined the Agence universitaire de la Francophonie last year.'],
  },
  {
    id: 'partner.member-of',
    reason: '"X is a member of Y"',
    examples: ['The National University of Samoa has become a full member of the Association of Commonwealth Universities.'],
  },
  {
    id: 'partner.signatories',
    reason: 'the organisations of the people who signed an agreement',
    examples: [
      'Dr. Salim AlMalik, Director-General of the Islamic World Educational, Scientific and Cultural Organization, met Prof. Ana Silva, President of the University of Lisbon. The agreement was signed by Dr. AlMalik and Prof. Silva.',
    ],
  },
  {
    id: 'partner.visit',
    reason: 'a person of one organisation visits or meets another organisation',
    examples: ['Dr. Salim AlMalik, Director-General of the Islamic Development Bank, visited the University of Lisbon on 2 May.'],
  },
  {
    id: 'partner.group-noun',
    reason: '"the two parties" refers back to the principal pair of the text',
    examples: ['The University of Sfax and Université Laval met in Tunis on 2 May 2023. The two universities agreed to launch a joint programme.'],
  },
  {
    id: 'partner.joint-name',
    reason: 'a programme named after two or more organisations joined by hyphens',
    examples: ['The Islamic Development Bank (IsDB) and the University of Tokyo (UT) met on 2 May. Students of the IsDB-UT Scholarship Programme attended.'],
  },
  {
    id: 'partner.lead-with',
    reason: '"talks with X are continuing": a cooperation "with" and no party before it in the sentence pairs X with the organisation the text is about (the subject of its first sentence)',
    examples: ['The Kivu Water Trust is asking universities to map its wells. Talks with the University of Goma are continuing, the trust said.'],
  },
  {
    id: 'partner.lead-undertaking',
    reason: 'the funder or implementer of an undertaking that is the subject of its clause ("Financed by X, the project will ...", "It will be implemented by Y") works with the organisation the text is about',
    examples: ['The Kivu Water Trust launched a programme to repair 300 wells. Financed by the Nordic Development Fund, the programme will run for four years.'],
  },
  // Roles.

  {
    id: 'role.apposition',
    reason: 'a person followed by ", Title of Organisation", ", Organisation Title" or ", a profession at Organisation"',
    examples: ['Dr. Salim AlMalik, Director-General of the Islamic Development Bank, opened the meeting.', 'Dr. Amel Ben Salah, a seismologist at the University of Sfax, will lead the field work.'],
  },
  {
    id: 'role.contact-line',
    reason: 'a name alone on a line of a contact block and "Title, Organisation" on the next',
    examples: ['Zentara Mobile signed an agreement with the University of Lagos.\n\nMedia contact:\nTemitope Adeyemi-Okoro\nHead of Corporate Communications, Zentara Mobile\npress@zentara.example'],
  },
  {
    id: 'role.company-possessive',
    reason: '"the company\'s chief executive, X", "the group\'s chief executive, X": a title of the company named before',
    examples: ['Zentara Mobile signed an agreement with the University of Lagos. The company\'s chief executive, Amaka Obi, said the network would reach 400 schools.'],
  },
  {
    id: 'role.whose-title',
    reason: '"X, whose Vice-President for Research, Prof. Y, ...": a title of the organisation before "whose"',
    examples: ['The delegation visited the University of Sfax, whose Vice-President for Research, Prof. Amel Ben Salah, presented the new laboratories.'],
  },
  {
    id: 'role.title-chain',
    reason: 'a second "and Title of Organisation" after a first role',
    examples: ['Prof. Ana Silva, Rector of the University of Lisbon and President of the Association of Portuguese Universities, spoke.'],
  },
  {
    id: 'role.relative-clause',
    reason: '", who chairs / heads / is Title of X"',
    examples: ['Prof. Ana Silva, who chairs the Association of Portuguese Universities, spoke.'],
  },
  {
    id: 'role.title-of-org-before',
    reason: '"the Title of Organisation, Person"',
    examples: ['The Rector of the University of Lisbon, Prof. Ana Silva, opened the meeting.'],
  },
  {
    id: 'role.org-title-before',
    reason: '"Organisation Title Person", "Title Organisation Person" or "Organisation\'s Title, Person"',
    examples: ['University of Lisbon Rector Prof. Ana Silva opened the meeting.', 'The agreement was signed by Rector University of Lisbon Prof. Ana Silva.'],
  },
  {
    id: 'role.title-apposition-before',
    reason: 'a title clause, then the person: "X\'s country representative, Name", "its rector, Name", "the director of X, Name"',
    examples: ['The Kenya National Commission for UNESCO hosted the camp in Nairobi. Its executive secretary, Hamisi Juma Mwakyusa, said the camp would grow.'],
  },
  {
    id: 'role.minister-remit',
    reason: 'a minister\'s remit names the ministry ("Minister of Health" -> "Ministry of Health")',
    examples: ['The Ministry of Health hosted the talks. Dr. Amina Bello, Minister of Health, opened them.'],
  },
  // Membership and units.
  {
    id: 'part-of.possessive',
    reason: 'a unit owned by a possessive: "X\'s Institute of ..."',
    examples: ["The University of Lisbon's Institute of Social Sciences hosted the meeting."],
  },
  {
    id: 'part-of.its',
    reason: '"its School of ..." after the parent organisation',
    examples: ['The University of Lisbon opened the event at its School of Economics and Management.'],
  },
  {
    id: 'part-of.apposition',
    reason: '"X, a constituent school / affiliate / unit of Y"',
    examples: ['The Makerere University School of Public Health, a constituent school of Makerere University, led the study.'],
  },
  {
    id: 'part-of.copula',
    reason: 'a unit description after "is" or ", which is": "X is the philanthropic arm of Y", "Y, which is a subsidiary of Z"',
    examples: ['The Kito Foundation is the philanthropic arm of Zentara Holdings Limited, which is a subsidiary of the Lakeside Group.'],
  },
  {
    id: 'part-of.one-of',
    reason: '"X is one of the institutes of Y"',
    examples: ['The Fraunhofer Institute for Solar Energy Systems is one of 76 institutes of the Fraunhofer-Gesellschaft.'],
  },
  {
    id: 'part-of.nested-name',
    reason: 'a unit named with its parent: "Institute of Physics of the NAS of Ukraine", "Confucius Institute at Beni-Suef University"',
    examples: ['The Siberian Branch of the Russian Academy of Sciences signed an agreement with the University of Tashkent.'],
  },
  {
    id: 'part-of.at-parent',
    reason: 'a unit placed "at" or "under" a university, academy, company or other parent body: "the Seismological Service at ETH Zurich"',
    examples: ['The Swiss Seismological Service at ETH Zurich will share its data with the University of Tehran.'],
  },
  {
    id: 'part-of.member-of-group',
    reason: 'a member of a corporate group is part of it ("IFC, a member of the World Bank Group")',
    examples: ['The International Finance Corporation (IFC), a member of the World Bank Group, signed the loan.'],
  },
  {
    id: 'part-of.named-after-parent',
    reason: 'a unit whose name begins with its parent\'s name ("Leibniz Institute ..." of the "Leibniz Association")',
    examples: ['The Leibniz Association and the Leibniz Institute for Catalysis met the delegation.'],
  },
  {
    id: 'part-of.country-office',
    reason: 'a country office or subsidiary ("UNICEF Nigeria") is part of the organisation it is named after',
    examples: ['UNICEF Nigeria and the Federal Ministry of Education signed an agreement. UNICEF has worked in the country since 1952.'],
  },
  // Locations, agreements, events.
  {
    id: 'based-in.location',
    reason: 'an organisation located in a country or city ("X in Rabat, Morocco", "Morocco\'s X", "the Bonn-based X")',
    examples: ['The University of Sfax in Tunisia signed a memorandum of understanding with Université Laval.'],
  },
  {
    id: 'place.venue',
    reason: 'the place after "held in", "took place in", "convened in" is a place, even one no gazetteer knows',
    examples: ['The congress will be held in Nur-Sultan, Kazakhstan, on 14 September 2022.'],
  },
  {
    id: 'agreement.parties',
    reason: 'the partners of a sentence are parties to the agreement or programme it names',
    examples: ['The University of Sfax and Université Laval signed a memorandum of understanding on 3 May 2023.'],
  },
  {
    id: 'agreement.coreference',
    reason: '"under the agreement" refers back to the agreement the text already named',
    examples: ['The University of Sfax and Université Laval signed a memorandum of understanding on 3 May 2023. Under the agreement, the two universities will exchange students.'],
  },
  {
    id: 'programme.parties',
    reason: 'a joint programme named in a partnership sentence ("the joint Ph.D. program between X and Y") has the partners as parties',
    examples: ['The discussions included the upcoming joint Ph.D. program between the University of Sfax and Université Laval.'],
  },
  {
    id: 'agreement.areas',
    reason: 'areas of cooperation named with an agreement ("in the fields of X, Y and Z")',
    examples: ['The University of Sfax and Université Laval signed an agreement on cooperation in renewable energy and water management.'],
  },
  {
    id: 'event.participants',
    reason: 'the organisation or person that participates in, attends or speaks at a named event',
    examples: ['A delegation of the University of Sfax travelled to Rabat to participate in the 7th Congress on World and Traditional Religions.'],
  },
  {
    id: 'event.organisers',
    reason: 'the partners of a sentence organise the event it names',
    examples: ['The University of Sfax and Université Laval will jointly organise the Mediterranean Water Forum in June 2024.'],
  },
];

/** Rules that find organisations (their ids are on the entity, `rules` in the extraction format). */
export const ENTITY_RULES: readonly Rule[] = [
  {
    id: 'org.boilerplate',
    reason: 'the name in an "About X" section heading or a newswire\'s "SOURCE X" line',
    examples: ['Zentara Mobile and the University of Lagos signed an agreement.\n\nAbout Zentara Mobile\nZentara Mobile runs mobile networks in nine countries.'],
  },
  {
    id: 'org.described-coreference',
    reason: 'lower-case words that spell part of one organisation\'s name refer to it ("the regional office")',
    examples: ['The camps have technical support from the UNESCO Regional Office for Eastern Africa. The director of the regional office, Amadou Ba Sy, said the camps would be evaluated.'],
  },
  {
    id: 'org.distinctive-parent',
    reason: 'a distinctive word of several names refers to the body whose name the others contain ("Makerere" -> Makerere University, not its college)',
    examples: ['The College of Computing at Makerere University signed an agreement with Carnegie Mellon University Africa. Makerere University is in Kampala. Makerere, a member of the African Research Universities Alliance, signed an agreement with the Kampala Capital City Authority.'],
  },
  {
    id: 'org.apposition',
    reason: 'a name described in apposition as a company, provider, arm or network ("X, a leading provider of ...")',
    examples: ['Zentara Mobile, a leading provider of mobile money services, signed an agreement with the University of Lagos.'],
  },
  {
    id: 'org.company-noun',
    reason: 'a name after a company noun ("telecom operator Zentara")',
    examples: ['The University of Lagos signed an agreement with telecom operator Zentara on Monday.'],
  },
  {
    id: 'org.possessive-title',
    reason: 'a name whose possessive precedes a title ("Zentara\'s chief executive")',
    examples: ["Zentara's chief executive, Amaka Obi, said the network would reach 400 schools."],
  },
  {
    id: 'org.possessive-unit',
    reason: 'a name whose possessive precedes an adjective and a unit it owns ("Zentara\'s philanthropic arm", "Zentara\'s local subsidiary")',
    examples: ["The Ministry of Education signed an agreement with the Kito Foundation, Zentara's philanthropic arm, on Monday."],
  },
  {
    id: 'org.acronym-qualified',
    reason: 'an acronym the text never defines, followed by one capitalised word that is no title, country or name of its own, is one name ("IIT Madras", "UN Women")',
    examples: ['The University of Exeter signed a memorandum of understanding with IIT Kanpur on Monday.'],
  },
  {
    id: 'org.coordinated',
    reason: 'a name listed with organisations ("an alliance of Zentara, the Mastercard Foundation and UNICEF") is one too',
    examples: ['The coalition brings together Zentara, the Mastercard Foundation and the African Union Development Agency.', 'The Kivu Water Trust, in partnership with the Ministry of Education, Science and Technology and Zentara Mobile Rwanda, will equip 40 schools.'],
  },
  {
    id: 'org.signing-subject',
    reason: 'names that are the subject of a signing or launch with an organisation ("Zentara and UNICEF signed")',
    examples: ['NAIROBI, March 14, 2024 – Zentara on Wednesday signed a memorandum of understanding with the University of Nairobi.'],
  },
  {
    id: 'org.agent',
    reason: 'the agent of funding or backing ("funded by Zentara")',
    examples: ['The programme of the University of Lagos is funded by Zentara, which has supported earlier projects.'],
  },
  {
    id: 'org.apposition-name',
    reason: 'a name after ", the" in apposition is another name of the same body ("Gavi, the Vaccine Alliance")',
    examples: ['The World Health Organization and Zentara, the Vaccine Alliance, signed an agreement on Monday.'],
  },
  {
    id: 'org.short-form',
    reason: 'a name is also known by its modifiers and head without the complement ("OPEC Fund" for "OPEC Fund for International Development")',
    examples: ['The OPEC Fund for International Development signed a loan with the Ministry of Health. The OPEC Fund said the loan would help.'],
  },
  {
    id: 'org.organ',
    reason: 'a secretariat stands for its organisation ("the General Secretariat of the OIC", "the ECO Secretariat")',
    examples: ['The General Secretariat of the Organisation of Islamic Cooperation (OIC) received a delegation of the Saudi Society for Humanitarian Relief.'],
  },
  {
    id: 'person.contact',
    reason: 'a name that opens a line of a contact block ("Media contact:" then "Amaka Obi" or "Amaka Obi, Head of Communications, X")',
    examples: ['Zentara Mobile signed an agreement with the University of Lagos.\n\nPress contact:\nTemitope Adeyemi-Okoro\nHead of Corporate Communications, Zentara Mobile\npress@zentara.example'],
  },
  {
    id: 'org.name-variant',
    reason: 'a short form or variant of a name the text gives in full is the same organisation ("ETH" for "ETH Zurich", "NAS of Ukraine")',
    examples: ['The University of Ghana signed an agreement with ETH Zurich. ETH will send two professors to Accra.', 'The National Academy of Sciences of Belarus hosted the talks. The Institute of Botany of the NAS of Belarus will lead the work.'],
  },
  {
    id: 'org.country-office',
    reason: 'an organisation\'s name followed by a country names its office or subsidiary there ("UNICEF Nigeria")',
    examples: ['UNICEF Nigeria and the Federal Ministry of Education signed an agreement on Monday.'],
  },
];

const BY_ID: ReadonlyMap<string, Rule> = new Map([...RULES, ...ENTITY_RULES].map((r) => [r.id, r]));

/** The rule with this id; throws on an unknown id, so a typo in a finder fails its first test. */
export function ruleById(id: string): Rule {
  const r = BY_ID.get(id);
  if (!r) throw new Error(`unknown extraction rule "${id}"`);
  return r;
}

export function isRuleId(id: string): boolean {
  return BY_ID.has(id);
}

/** Rules switched off for the extraction running now (extraction is synchronous). */
let disabled: ReadonlySet<string> = new Set();

/** Runs fn with the given rules switched off (ablation); restores the previous set afterwards. */
export function withDisabledRules<T>(ids: Iterable<string>, fn: () => T): T {
  const previous = disabled;
  const next = new Set(ids);
  for (const id of next) ruleById(id);
  disabled = next;
  try {
    return fn();
  } finally {
    disabled = previous;
  }
}

/** True when the rule may fire in the extraction running now; returns the id checked first. */
export function ruleOn(id: string): boolean {
  if (!BY_ID.has(id)) ruleById(id);
  return !disabled.has(id);
}
