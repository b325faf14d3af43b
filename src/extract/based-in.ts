/**
 * BASED_IN (organisation -> country or place) and LOCATED_IN (place -> country),
 * only where the text says so:
 *  - "South Africa's Council for Scientific and Industrial Research"   (possessive country)
 *  - "Aga Khan University (AKU) in Karachi, Pakistan"                  (in City, Country)
 *  - "Universidade Eduardo Mondlane (UEM) of Mozambique"               (of Country)
 *  - "Ministry of ... of the Republic of Kazakhstan", "Leibniz Association Germany" (country in the name)
 *  - "the Brussels-based EUA"                                          (City-based)
 */
import type { Analysis } from './analyze.ts';
import { countryAt } from './countries.ts';
import { isPlaceName } from './nlp.ts';
import type { Entity, Mention } from './registry.ts';
import { evidenceOf } from './result.ts';
import type { DraftRelation } from './result.ts';
import { tokenize } from './text.ts';
import { MONTHS } from './gazetteers.ts';
import { ruleOn } from './rules.ts';

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** Verbs whose "in X" names a venue: "held in", "took place in", "convened in". */
const VENUE_VERB = /^(held|hosted|convened|organi[sz]ed|place|located|headquartered|opened|inaugurated)$/i;

export function findBasedIn(a: Analysis): DraftRelation[] {
  const out: DraftRelation[] = [];
  const seen = new Set<string>();
  const add = (type: 'BASED_IN' | 'LOCATED_IN', source: Entity, target: Entity, si: number, reason: string) => {
    const key = `${type}|${source.key}|${target.key}`;
    if (seen.has(key) || source === target || !ruleOn('based-in.location')) return;
    seen.add(key);
    const s = a.sentences[si]!;
    out.push({ type, source, target, properties: { reason }, evidence: [evidenceOf(a.text, s.start, s.end)], rules: ['based-in.location'] });
  };
  const place = (name: string, at: number): Entity =>
    a.registry.entities.find((e) => e.type === 'Place' && e.name === name) ?? a.registry.create('Place', name, at);

  a.sentences.forEach((s, si) => {
    const tokens = s.tokens;
    const ms: Mention[] = a.mentions[si] ?? [];
    const orgAt = (k: number) => ms.find((m) => m.ti === k && m.entity.type === 'Organization');
    for (const m of ms) {
      if (m.entity.type === 'Country' && /^['’]s$/.test(tokens[m.tj]?.text ?? '')) {
        const o = orgAt(m.tj + 1);
        if (o) add('BASED_IN', o.entity, m.entity, si, 'possessive');
      }
      if (m.entity.type !== 'Organization' || m.via === 'coref') continue;
      // Countries named inside the organisation's own mention (ministries, qualifiers).
      if (m.entity.head === 'Ministry' || m.entity.properties.country) {
        for (let k = m.ti; k < m.tj; k++) {
          const c = countryAt(tokens, k);
          const country = c && a.countries.get(c.canonical);
          if (country) add('BASED_IN', m.entity, country, si, 'in-name');
        }
        const q = m.entity.properties.country;
        const qc = typeof q === 'string' ? a.countries.get(q) : undefined;
        if (qc) add('BASED_IN', m.entity, qc, si, 'qualifier');
      }
      let k = m.tj;
      if (tokens[k]?.text === '(' && tokens[k + 2]?.text === ')') k += 3;
      const prep = lower(tokens[k]?.text);
      if (prep !== 'in' && prep !== 'of') continue;
      const first = ms.find((x) => x.ti === k + 1 || (x.ti === k + 2 && lower(tokens[k + 1]?.text) === 'the'));
      if (first?.entity.type === 'Country') {
        add('BASED_IN', m.entity, first.entity, si, `${prep}-country`);
        continue;
      }
      // "the National Library of Cambodia, based in Phnom Penh", "KNUST in Kumasi": a place compromise knows.
      if (prep === 'in') {
        let e = k + 1;
        while (e < k + 4 && /^\p{Lu}\p{Ll}/u.test(tokens[e]?.text ?? '') && !ms.some((x) => x.ti === e)) e++;
        const name = tokens.slice(k + 1, e).map((t) => t.text).join(' ');
        if (e > k + 1 && tokens[e]?.text !== ',' && isPlaceName(name)) add('BASED_IN', m.entity, place(name, tokens[k + 1]!.start), si, 'in-place');
      }
      // "in Karachi, Pakistan": a capitalised place, a comma, a country.
      const cityTok = tokens[k + 1];
      if (prep === 'in' && cityTok && /^\p{Lu}/u.test(cityTok.text) && tokens[k + 2]?.text === ',' && !ms.some((x) => x.ti === k + 1)) {
        const c = ms.find((x) => x.ti === k + 3 && x.entity.type === 'Country');
        if (c) {
          const p = place(cityTok.text, cityTok.start);
          add('BASED_IN', m.entity, c.entity, si, 'in-city-country');
          add('BASED_IN', m.entity, p, si, 'in-city-country');
          add('LOCATED_IN', p, c.entity, si, 'city-country');
        }
      }
    }
    // "due to be held in Nur-Sultan", "took place in Kigali": a venue is a place, even one no gazetteer knows.
    for (let k = 1; k < tokens.length - 1; k++) {
      if (lower(tokens[k]!.text) !== 'in' || !VENUE_VERB.test(tokens[k - 1]!.text) || !ruleOn('place.venue')) continue;
      let e = k + 1;
      while (e < k + 4 && /^\p{Lu}/u.test(tokens[e]?.text ?? '') && tokens[e]!.kind === 'word' && !ms.some((x) => x.ti === e)) e++;
      if (e === k + 1 || /^\p{Lu}/u.test(tokens[e]?.text ?? '') || MONTHS.has(lower(tokens[k + 1]!.text))) continue;
      const name = tokens.slice(k + 1, e).map((t) => t.text).join(' ');
      const p = place(name, tokens[k + 1]!.start);
      p.rules.add('place.venue');
      // "held in Nur-Sultan, Kazakhstan": the country it is in.
      const c = tokens[e]?.text === ',' ? ms.find((x) => x.ti === e + 1 && x.entity.type === 'Country') : undefined;
      if (c) add('LOCATED_IN', p, c.entity, si, 'city-country');
    }
    // "the Brussels-based EUA"
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      const based = /^(\p{Lu}[\p{L}]+)-based$/u.exec(t.text);
      if (!based) continue;
      const o = orgAt(k + 1);
      if (o) add('BASED_IN', o.entity, place(based[1]!, t.start), si, 'city-based');
    }
  });
  // "Ministry of Science and Higher Education of the Republic of Kazakhstan": a country in a ministry's name,
  // also when the text only refers to it ("the Ministry").
  for (const e of a.registry.entities) {
    if (e.type !== 'Organization' || e.head !== 'Ministry') continue;
    const tokens = tokenize(e.name);
    for (let k = 0; k < tokens.length; k++) {
      const c = countryAt(tokens, k);
      const country = c && a.countries.get(c.canonical);
      if (!country) continue;
      const si = a.mentions.findIndex((ms) => ms.some((m) => m.entity === e));
      if (si >= 0) add('BASED_IN', e, country, si, 'in-name');
      break;
    }
  }
  return out;
}
