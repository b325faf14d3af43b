/**
 * Variants of one organisation's name within a document, merged into one
 * entity once every name of the text is known:
 *  - a short form that drops the head noun or a city: "Leiden" for "Leiden University", "ETH" for "ETH Zurich";
 *  - an acronym before the rest of the name: "NAS of Ukraine" for "National Academy of Sciences of Ukraine";
 *  - a group named by its bank's acronym: "IsDB Group" for the "Islamic Development Bank (IsDB)";
 *  - a bare head noun for the first organisation with that head: "the Academy";
 *  - a unit named with its parent before it and after it: "USP Faculty of Medicine", "Faculty of Medicine of the USP";
 *  - a country company without its middle words: "Huawei Pakistan" for "Huawei Technologies Pakistan".
 * Not merged: a name plus a country or continent is another body ("UNICEF Nigeria", "Carnegie Mellon University
 * Africa"), and a short form that could be more than one organisation of the text.
 */
import { countryAt } from './countries.ts';
import { headOf } from './org-names.ts';
import type { Entity, Mention, Registry } from './registry.ts';
import { ruleOn } from './rules.ts';
import { isAcronym, tokenize } from './text.ts';
import { isPlaceName } from './nlp.ts';

const RULE = 'org.name-variant';

/**
 * Merges name variants; `acronymOwner` (acronym -> organisation) and, once they are found, the sentences' mentions
 * follow the merges.
 */
export function mergeNameVariants(
  registry: Registry, acronymOwner: Map<string, Entity>, abbreviates: (acronym: string, name: string) => boolean, mentions: Mention[][] = [],
): void {
  if (!ruleOn(RULE)) return;
  const orgs = () => registry.entities.filter((e) => e.type === 'Organization');
  const merge = (from: Entity, into: Entity) => {
    for (const n of [from.name, ...from.aliases]) registry.addAlias(into, n);
    for (const r of from.rules) into.rules.add(r);
    into.rules.add(RULE);
    into.first = Math.min(into.first, from.first);
    for (const e of registry.entities) if (e.properties._nestedIn === from.key) e.properties._nestedIn = into.key;
    for (const [acronym, owner] of acronymOwner) if (owner === from) acronymOwner.set(acronym, into);
    for (const ms of mentions) for (const m of ms) if (m.entity === from) m.entity = into;
    registry.remove(from);
  };
  for (const from of orgs()) {
    const into = variantOf(from, orgs().filter((x) => x !== from), acronymOwner, abbreviates);
    if (into && into.properties._nestedIn !== from.key && from.properties._nestedIn !== into.key) merge(from, into);
  }
}

function variantOf(e: Entity, others: Entity[], acronymOwner: Map<string, Entity>, abbreviates: (acronym: string, name: string) => boolean): Entity | undefined {
  const words = e.name.split(/\s+/);
  // "the Academy and the Siberian Branch": a bare head noun is the first organisation the text named with that head.
  if (words.length === 1 && headOf(e.name)?.kind === 'Organization') {
    const head = headOf(e.name)!.head;
    return others.filter((x) => x.head === head && x.name.split(/\s+/).length > 1).sort((x, y) => x.first - y.first)[0];
  }
  // "Leiden" (after "UGM and Leiden signed") for "Leiden University"; "ETH" for "ETH Zurich".
  if (words.length === 1 && !e.head) {
    const longer = others.filter((x) => x.name.startsWith(`${e.name} `) && shortFormRest(x.name.slice(e.name.length + 1)));
    // Not when another name is the same word and one more: "Leibniz Association" and "Leibniz Institute".
    const twoWords = others.filter((x) => x.name.startsWith(`${e.name} `) && tokenize(x.name).length === 2);
    return longer.length === 1 && twoWords.every((x) => x === longer[0]) ? longer[0] : undefined;
  }
  // "NAS of Ukraine" for "National Academy of Sciences of Ukraine".
  const acr = /^(\S+) (of .+)$/.exec(e.name);
  if (acr && isAcronym(acr[1]!)) {
    const full = others.filter((x) => x.name.endsWith(` ${acr[2]}`) && abbreviates(acr[1]!, x.name.slice(0, -acr[2]!.length - 1)));
    return full.length === 1 ? full[0] : undefined;
  }
  // "IsDB Group" for the "Islamic Development Bank (IsDB)".
  if (words.length === 2 && words[1] === 'Group' && isAcronym(words[0]!)) {
    const owner = acronymOwner.get(words[0]!);
    return owner && owner !== e && owner.head && owner.head !== 'Group' ? owner : undefined;
  }
  // "USP Faculty of Medicine" for "Faculty of Medicine of the University of São Paulo": one unit named with its parent
  // before it and after it.
  for (const x of others) {
    for (const sep of x.name.matchAll(/ (?:of|at) (?:the )?/g)) {
      const unit = x.name.slice(0, sep.index);
      const parentName = x.name.slice(sep.index + sep[0].length);
      if (!e.name.endsWith(` ${unit}`) || !headOf(unit.split(/\s+/)[0]!)) continue;
      const prefix = e.name.slice(0, -unit.length - 1);
      const parent = others.find((p) => p !== x && [p.name, ...p.aliases].includes(parentName));
      if (parent && [parent.name, ...parent.aliases].includes(prefix)) return x;
    }
  }
  // "Huawei Pakistan" for "Huawei Technologies Pakistan": a country company with its middle words left out.
  if (e.rules.has('org.country-office') && words.length === 2) {
    const full = others.filter((x) => x.name.startsWith(`${words[0]} `) && x.name.endsWith(` ${words[1]}`) && x.name.split(/\s+/).length === 3);
    return full.length === 1 ? full[0] : undefined;
  }
  return undefined;
}

/** What a short form may leave out: one head noun ("University") or a city ("Zurich"), never a country or continent,
 * nor the head of a body a brand sets up ("Orange Foundation"). */
function shortFormRest(rest: string): boolean {
  const t = tokenize(rest);
  if (t.length !== 1) return false;
  // "Orange Foundation", "Telenor Group": a foundation or group is another body than the brand.
  if (headOf(rest)?.kind === 'Organization') return !/^(Foundation|Group|Fund|Trust)$/.test(headOf(rest)!.head);
  return /^\p{Lu}\p{Ll}+$/u.test(rest) && isPlaceName(rest) && !countryAt(t, 0) && !/^(Africa|Asia|Europe|America|Americas|Arabia|Pacific|Caribbean|Oceania)$/.test(rest);
}
