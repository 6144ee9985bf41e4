// Steps and actors agree: every audience that has to act has steps, and no steps are written for an
// audience that is not said to act.
import type { Audience } from '../vocabulary.ts';
import type { ContentRule } from './rule.ts';

export const entrySteps: ContentRule = {
  name: 'entry-steps',
  check: ({ content }) =>
    content.entries.flatMap(({ path, data }) => [
      ...(Object.keys(data.steps) as Audience[])
        .filter((audience) => !data.actors.includes(audience))
        .map((audience) => `${path}: steps.${audience}: "${audience}" is not listed in actors`),
      ...data.actors.flatMap((audience, i) => (data.steps[audience] ? [] : [`${path}: actors[${i}]: no steps for "${audience}"`])),
    ]),
};
