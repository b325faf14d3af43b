/**
 * Words that mark a sentence as reporting cooperation. Shared by the
 * partnership finder and the discovery of organisations without a head noun.
 */
export const COOPERATION_CUE =
  /\b(sign\w*|agree\w*|memorand\w*|MoUs?|protocol|partner\w*|cooperat\w*|collaborat\w*|met|meet\w*|talks|discuss\w*|dialogue|session|launch\w*|inaugurat\w*|joint\w*|together|co-host\w*|co-organi\w*|programmes?|programs?|fellowship|scholarship|award\w*|grant(?:s|ed)?|fund(?:s|ed|ing)?|explor\w*|establish\w*|creat\w*|finali[sz]\w*|draft\w*|consortium|forces|relations|sponsor\w*|work(?:ed|s|ing)?|negotiat\w*|initiatives?)\b/i;
