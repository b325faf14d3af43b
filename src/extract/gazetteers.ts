/**
 * Small, generic word lists the finders rely on. Nothing here names an
 * organisation or a person of any particular document: these are closed
 * classes of English (and a few French/German/Portuguese/Malay) words.
 */

/** Honorifics and post-nominals live with the other name concepts (src/model/names.ts). */
export { HONORIFICS, POST_NOMINALS } from '../model/names.ts';

/** Lower-case particles inside personal names ("van der Merwe", "Nor Aini binti Hassan"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'bin', 'binti', 'bint', 'ibn', 'van', 'von', 'der', 'den', 'de', 'da', 'dos', 'das', 'del', 'di', 'du', 'la', 'le', 'al', 'el', 'ben', 'abu', 'bou',
  // Turkic patronymic particles: "Elnur Rashid oglu Aliyev".
  'oglu', 'ogli', 'uulu', 'kyzy', 'qizi', 'gizi',
]);

/**
 * Head nouns of organisation names, mapped to a normalised head used for
 * coreference ("the University" -> any org whose head is University).
 */
export const ORG_HEADS: ReadonlyMap<string, string> = new Map([
  ['University', 'University'], ['Université', 'University'], ['Universiti', 'University'], ['Universidade', 'University'],
  ['Universidad', 'University'], ['Universität', 'University'], ['Università', 'University'], ['Universitas', 'University'],
  ['College', 'College'], ['School', 'School'], ['Polytechnic', 'University'],
  ['Institute', 'Institute'], ['Institut', 'Institute'], ['Instituto', 'Institute'], ['Istituto', 'Institute'],
  ['Ministry', 'Ministry'], ['Ministère', 'Ministry'],
  ['Organization', 'Organization'], ['Organisation', 'Organization'],
  ['Association', 'Association'], ['Federation', 'Federation'], ['Foundation', 'Foundation'], ['Fondation', 'Foundation'],
  ['Stiftung', 'Foundation'], ['Fundação', 'Foundation'], ['Fundación', 'Foundation'],
  ['Society', 'Society'], ['Gesellschaft', 'Society'], ['Commission', 'Commission'], ['Council', 'Council'], ['Conseil', 'Council'],
  ['Agency', 'Agency'], ['Agence', 'Agency'], ['Authority', 'Authority'], ['Fund', 'Fund'], ['Bank', 'Bank'],
  ['Centre', 'Centre'], ['Center', 'Centre'], ['Library', 'Library'], ['Bibliotheca', 'Library'], ['Biblioteca', 'Library'],
  ['Bibliothèque', 'Library'], ['Network', 'Network'], ['Alliance', 'Alliance'], ['Academy', 'Academy'], ['Académie', 'Academy'],
  ['Company', 'Company'], ['Corporation', 'Company'], ['Union', 'Union'], ['Trust', 'Trust'], ['Bureau', 'Bureau'],
  ['Secretariat', 'Secretariat'], ['Museum', 'Museum'], ['Hospital', 'Hospital'], ['Consortium', 'Consortium'],
  ['Laboratory', 'Laboratory'], ['Faculty', 'Faculty'], ['Institutet', 'Institute'], ['Instytut', 'Institute'], ['Universiteit', 'University'],
  ['Universitet', 'University'], ['Hochschule', 'University'], ['Register', 'Register'], ['Registry', 'Register'],
  // Units and organs of a larger body, and public bodies without one of the heads above.
  ['Branch', 'Branch'], ['Division', 'Division'], ['Department', 'Department'], ['Office', 'Office'], ['Presidium', 'Presidium'],
  ['Directorate', 'Directorate'], ['Committee', 'Committee'], ['Parliament', 'Parliament'], ['Service', 'Service'],
  ['Administration', 'Administration'], ['Coalition', 'Coalition'], ['Institution', 'Institution'],
  ['Guild', 'Guild'], ['Tribunal', 'Court'], ['Court', 'Court'], ['Government', 'Government'], ['Holdings', 'Company'], ['Cooperative', 'Cooperative'],
]);

/** Heads that make a name a programme rather than an organisation. */
export const PROGRAMME_HEADS: ReadonlySet<string> = new Set([
  'Programme', 'Program', 'Fellowship', 'Scholarship', 'Award', 'Initiative', 'Project', 'Accelerator', 'Compact',
  'Barometer', 'Lab', 'Plan', 'Platform', 'Observatory', 'Group',
]);

/** Heads that make a name an event. */
export const EVENT_HEADS: ReadonlySet<string> = new Set([
  'Conference', 'Congress', 'Forum', 'Summit', 'Symposium', 'Week', 'Workshop', 'Festival', 'Exhibition', 'Expo', 'Fair',
  'Olympiad', 'Games', 'Days', 'Day', 'Meeting', 'Assembly', 'Seminar', 'Colloquium',
]);

/** Company suffixes: the name before them is an organisation ("Northwind Analytics Ltd"). */
export const COMPANY_SUFFIXES: ReadonlySet<string> = new Set([
  'GmbH', 'Ltd', 'Ltd.', 'Limited', 'Inc', 'Inc.', 'LLC', 'PLC', 'plc', 'AG', 'S.A.', 'SA', 'SE', 'B.V.', 'NV', 'Co.', 'Corp.', 'SpA', 'AB', 'Oy', 'AS', 'ASA', 'A/S', 'ApS', 'SAS', 'S.A.S.', 'Pty', 'Pvt', 'KG', 'Srl', 'S.r.l.', 'Sdn Bhd', 'Bhd', 'Oyj', 'BV',
]);

/**
 * Position titles, longest first when matched. Lower-case forms are matched
 * case-insensitively, so "assistant professor" and "Assistant Professor" both count.
 */
export const TITLES: readonly string[] = [
  'Director-General', 'Director General', 'Deputy Director-General', 'Assistant Director-General',
  'Secretary-General', 'Secretary General', 'Deputy Secretary-General', 'Deputy Secretary General', 'Assistant Secretary-General',
  'Executive Secretary', 'Permanent Secretary', 'Executive Director', 'Managing Director', 'Regional Director', 'Country Director',
  'Deputy Director', 'Director', 'Chief Executive Officer', 'Chief Executive', 'Chief Technology Officer', 'Chief Operating Officer',
  'Chief Financial Officer', 'Chief Scientist', 'CEO', 'CTO', 'COO', 'CFO',
  'Senior Vice President', 'Senior Vice-President', 'Executive Vice President', 'Vice President', 'Vice-President', 'President',
  'Deputy Vice-Chancellor', 'Assistant Vice-Chancellor', 'Pro-Vice-Chancellor', 'Vice-Chancellor', 'Vice Chancellor', 'Chancellor',
  'Vice-Principal', 'Principal', 'Vice-Rector', 'Vice Rector', 'Rector', 'Provost', 'Dean', 'Vice-Dean', 'Head', 'Deputy Head',
  'Vice Chairperson', 'Vice-Chairperson', 'Vice Chairman', 'Vice-Chairman', 'Deputy Chairman', 'Deputy Chair',
  'Chairman', 'Chairwoman', 'Chairperson', 'Chair', 'Co-Chair', 'Vice-Chair', 'Vice Chair', 'Treasurer', 'Secretary',
  'Deputy Minister', 'Minister', 'Cabinet Secretary', 'Permanent Representative', 'Ambassador', 'Governor', 'Mayor', 'Commissioner',
  'Executive Chairman', 'General Manager', 'Managing Partner', 'Chief Scientific Officer', 'Chief Information Officer', 'Chief Digital Officer',
  'Head of Delegation', 'Vice Minister', 'Vice-Minister', 'State Secretary', 'Chief of Mission', 'Resident Representative',
  'Rector Magnificus', 'University Librarian', 'Chief Librarian', 'Librarian', 'Press Officer', 'Communications Officer', 'Alderman',
  'Pro-Rector', 'Prorector', 'Registrar', 'Bursar',
  'Representative', 'Resident Coordinator', 'Coordinator', 'Programme Specialist', 'Program Specialist', 'Specialist',
  'Senior Policy Officer', 'Policy Officer', 'Officer', 'Advisor', 'Adviser', 'Counsellor', 'Manager', 'Founder', 'Co-Founder',
  'Assistant Professor', 'Associate Professor', 'Professor', 'Lecturer', 'Researcher', 'Spokesperson', 'Spokesman',
  'Member of the Board of Directors', 'Board Member',
];

/** Words that may qualify a title on its left ("Senior", "Deputy"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(['Senior', 'Deputy', 'Acting', 'Interim', 'Assistant', 'Associate', 'Executive', 'Former', 'Honorary', 'Vice', 'General']);

/** English month names and abbreviations, to their number. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9], ['sep', 9],
  ['sept', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

export const WEEKDAYS: readonly string[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * The world's countries: canonical name, then other names the text may use.
 * Nationality adjectives are deliberately absent (they are not countries).
 */
export const COUNTRIES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['Afghanistan'], ['Albania'], ['Algeria'], ['Andorra'], ['Angola'], ['Antigua and Barbuda'], ['Argentina'], ['Armenia'],
  ['Australia'], ['Austria'], ['Azerbaijan'], ['Bahamas'], ['Bahrain'], ['Bangladesh'], ['Barbados'], ['Belarus'], ['Belgium'],
  ['Belize'], ['Benin'], ['Bhutan'], ['Bolivia'], ['Bosnia and Herzegovina'], ['Botswana'], ['Brazil'], ['Brunei', 'Brunei Darussalam'],
  ['Bulgaria'], ['Burkina Faso'], ['Burundi'], ['Cabo Verde', 'Cape Verde'], ['Cambodia'], ['Cameroon'], ['Canada'],
  ['Central African Republic'], ['Chad'], ['Chile'], ['China', "People's Republic of China"], ['Colombia'], ['Comoros'],
  ['Democratic Republic of the Congo', 'DR Congo', 'DRC'], ['Congo', 'Republic of the Congo'], ['Costa Rica'],
  ["Côte d'Ivoire", 'Ivory Coast', "Cote d'Ivoire"], ['Croatia'], ['Cuba'], ['Cyprus'], ['Czech Republic', 'Czechia'], ['Denmark'],
  ['Djibouti'], ['Dominica'], ['Dominican Republic'], ['Ecuador'], ['Egypt'], ['El Salvador'], ['Equatorial Guinea'], ['Eritrea'],
  ['Estonia'], ['Eswatini', 'Swaziland'], ['Ethiopia'], ['Fiji'], ['Finland'], ['France'], ['Gabon'], ['Gambia', 'The Gambia'],
  ['Georgia'], ['Germany'], ['Ghana'], ['Greece'], ['Grenada'], ['Guatemala'], ['Guinea'], ['Guinea-Bissau'], ['Guyana'], ['Haiti'],
  ['Honduras'], ['Hungary'], ['Iceland'], ['India'], ['Indonesia'], ['Iran'], ['Iraq'], ['Ireland'], ['Israel'], ['Italy'], ['Jamaica'],
  ['Japan'], ['Jordan'], ['Kazakhstan'], ['Kenya'], ['Kiribati'], ['Kuwait'], ['Kyrgyzstan', 'Kyrgyz Republic'], ['Laos'], ['Latvia'],
  ['Lebanon'], ['Lesotho'], ['Liberia'], ['Libya'], ['Liechtenstein'], ['Lithuania'], ['Luxembourg'], ['Madagascar'], ['Malawi'],
  ['Malaysia'], ['Maldives'], ['Mali'], ['Malta'], ['Marshall Islands'], ['Mauritania'], ['Mauritius'], ['Mexico'], ['Micronesia'],
  ['Moldova'], ['Monaco'], ['Mongolia'], ['Montenegro'], ['Morocco'], ['Mozambique'], ['Myanmar'], ['Namibia'], ['Nauru'], ['Nepal'],
  ['Netherlands', 'The Netherlands', 'Holland'], ['New Zealand'], ['Nicaragua'], ['Niger'], ['Nigeria'], ['North Korea'],
  ['North Macedonia'], ['Norway'], ['Oman'], ['Pakistan'], ['Palau'], ['Palestine', 'State of Palestine'], ['Panama'],
  ['Papua New Guinea'], ['Paraguay'], ['Peru'], ['Philippines'], ['Poland'], ['Portugal'], ['Qatar'], ['Romania'],
  ['Russia', 'Russian Federation'], ['Rwanda'], ['Saint Kitts and Nevis'], ['Saint Lucia'], ['Samoa'], ['San Marino'],
  ['Saudi Arabia'], ['Senegal'], ['Serbia'], ['Seychelles'], ['Sierra Leone'], ['Singapore'], ['Slovakia'], ['Slovenia'],
  ['Solomon Islands'], ['Somalia'], ['South Africa'], ['South Korea', 'Republic of Korea', 'Korea'], ['South Sudan'], ['Spain'],
  ['Sri Lanka'], ['Sudan'], ['Suriname'], ['Sweden'], ['Switzerland'], ['Syria', 'Syrian Arab Republic'], ['Tajikistan'],
  ['Tanzania'], ['Thailand'], ['Timor-Leste', 'East Timor'], ['Togo'], ['Tonga'], ['Trinidad and Tobago'], ['Tunisia'],
  ['Turkey', 'Türkiye', 'Turkiye'], ['Turkmenistan'], ['Tuvalu'], ['Uganda'], ['Ukraine'], ['United Arab Emirates', 'UAE'],
  ['United Kingdom', 'UK', 'Great Britain', 'Britain'], ['United States', 'United States of America', 'USA', 'US', 'U.S.'],
  ['Uruguay'], ['Uzbekistan'], ['Vanuatu'], ['Venezuela'], ['Vietnam', 'Viet Nam'], ['Yemen'], ['Zambia'], ['Zimbabwe'],
];

/** State prefixes before a country name: "the Republic of Kazakhstan", "the Kingdom of Morocco". */
export const STATE_PREFIXES: readonly string[] = [
  'Republic of', 'Kingdom of', 'State of', 'Sultanate of', 'Federal Republic of', 'Islamic Republic of', 'Hashemite Kingdom of',
  "People's Republic of", 'Democratic Republic of', 'Arab Republic of', 'United Republic of', 'Principality of', 'Emirate of',
];

/** Words before a country-like name that make it geography, not a state ("Lake Chad", "Niger Basin"). */
export const GEO_FEATURE_WORDS: ReadonlySet<string> = new Set([
  'Lake', 'River', 'Gulf', 'Basin', 'Sea', 'Mount', 'Bay', 'Valley', 'Delta', 'Desert', 'Island', 'Islands', 'Plateau',
]);

/** Capitalised words that begin sentences or headlines but never start a name. */
export const NON_NAME_CAPITALS: ReadonlySet<string> = new Set([
  'The', 'THE', 'A', 'An', 'This', 'That', 'These', 'Those', 'Its', 'Their', 'His', 'Her', 'Our', 'Your', 'We', 'They', 'He', 'She', 'It',
  'I', 'About', 'Via', 'Per', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'Under', 'During', 'After', 'Before', 'Besides', 'Among', 'Between', 'As',
  'And', 'But', 'Or', 'Both', 'Each', 'Every', 'All', 'Some', 'Many', 'Most', 'Other', 'Another', 'Such', 'When', 'While', 'Where',
  'Who', 'Which', 'What', 'Why', 'How', 'If', 'Although', 'Since', 'Until', 'Through', 'Also', 'Later', 'Earlier', 'Today',
  'Yesterday', 'Tomorrow', 'Meanwhile', 'However', 'Moreover', 'Furthermore', 'Speaking', 'Opening', 'Recalling', 'Founded',
  'Created', 'Established', 'Under', 'Minister', 'Rector', 'Press', 'Other', 'Tags', 'Share', 'Home', 'Menu',
  'Posted', 'Published', 'Updated', 'Last', 'Next', 'Please', 'Membership', 'Targets', 'Industry', 'Too', 'Working',
]);

/** Acronyms that are not organisations. */
export const NON_ORG_ACRONYMS: ReadonlySet<string> = new Set([
  'THE', 'MOU', 'MoU', 'MoUs', 'STEM', 'CEO', 'CTO', 'COO', 'CFO', 'DG', 'PhD', 'AI', 'ICT', 'IT', 'GDP', 'SAR', 'USD', 'EUR', 'US', 'UK',
  'USA', 'UAE', 'COVID', 'SDG', 'SDGs', 'NGO', 'NGOs', 'R&D', 'TV', 'PDF', 'FAQ', 'EN', 'DE', 'ET', 'FR', 'AR', 'ES', 'OK', 'II',
  'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII', 'ID', 'GMT', 'UTC', 'HQ', 'PR', 'Q&A', 'LED', 'DNA', 'RNA', 'CO2', 'USB',
  'PAIA', 'A-', 'A+', 'BA', 'MA', 'MSc', 'BSc', 'MBA', 'FRSE', 'PhDs', 'CEOs', 'HE', 'AM', 'PM',
  // Diseases, economics, education and technology terms, and state abbreviations.
  'HIV', 'AIDS', 'HPV', 'TB', 'SARS', 'MERS', 'NCD', 'SME', 'MSME', 'CSR', 'ESG', 'KPI', 'ROI', 'IPO', 'PPP', 'TVET', 'HEI', 'IoT',
  'GIS', 'LNG', 'WASH', 'KSA', 'HRH', 'GH', 'MENA', 'OECD-DAC',
]);

/** Nationality adjectives: "the German Association" is a description, not a name. */
export const DEMONYMS: ReadonlySet<string> = new Set([
  'Afghan', 'Albanian', 'Algerian', 'American', 'Angolan', 'Argentine', 'Armenian', 'Australian', 'Austrian', 'Azerbaijani',
  'Bahraini', 'Bangladeshi', 'Belgian', 'Beninese', 'Bolivian', 'Bosnian', 'Brazilian', 'British', 'Bulgarian', 'Burkinabe',
  'Cambodian', 'Cameroonian', 'Canadian', 'Chadian', 'Chilean', 'Chinese', 'Colombian', 'Congolese', 'Croatian', 'Cuban', 'Cypriot',
  'Czech', 'Danish', 'Djiboutian', 'Dutch', 'Ecuadorian', 'Egyptian', 'Emirati', 'English', 'Eritrean', 'Estonian', 'Ethiopian',
  'Fijian', 'Filipino', 'Finnish', 'French', 'Gabonese', 'Gambian', 'Georgian', 'German', 'Ghanaian', 'Greek', 'Guinean', 'Haitian',
  'Hungarian', 'Icelandic', 'Indian', 'Indonesian', 'Iranian', 'Iraqi', 'Irish', 'Israeli', 'Italian', 'Ivorian', 'Jamaican',
  'Japanese', 'Jordanian', 'Kazakh', 'Kazakhstani', 'Kenyan', 'Korean', 'Kuwaiti', 'Kyrgyz', 'Lao', 'Latvian', 'Lebanese', 'Liberian',
  'Libyan', 'Lithuanian', 'Malagasy', 'Malawian', 'Malaysian', 'Maldivian', 'Malian', 'Maltese', 'Mauritanian', 'Mauritian',
  'Mexican', 'Moldovan', 'Mongolian', 'Moroccan', 'Mozambican', 'Namibian', 'Nepalese', 'Nigerian', 'Nigerien', 'Norwegian', 'Omani',
  'Pakistani', 'Palestinian', 'Panamanian', 'Paraguayan', 'Peruvian', 'Polish', 'Portuguese', 'Qatari', 'Romanian', 'Russian',
  'Rwandan', 'Saudi', 'Scottish', 'Senegalese', 'Serbian', 'Singaporean', 'Slovak', 'Slovenian', 'Somali', 'South African',
  'Spanish', 'Sri Lankan', 'Sudanese', 'Swedish', 'Swiss', 'Syrian', 'Taiwanese', 'Tajik', 'Tanzanian', 'Thai', 'Togolese',
  'Tunisian', 'Turkish', 'Turkmen', 'Ugandan', 'Ukrainian', 'Uruguayan', 'Uzbek', 'Venezuelan', 'Vietnamese', 'Welsh', 'Yemeni',
  'Zambian', 'Zimbabwean',
]);

/** Words whose possessive belongs inside a name ("United Nations Children's Fund", "King's College"). */
export const POSSESSIVE_NAME_WORDS: ReadonlySet<string> = new Set(['Children', 'Women', 'People', 'Men', 'King', 'Queen', 'Workers', 'Farmers', 'Nations', 'Teachers', 'Students']);
