// Route glue for one code: /codes/550, /codes/5.7.1, /codes/5.x.x, /codes/x.7.x.
import { createFileRoute, notFound } from '@tanstack/react-router';
import { loadCode } from '../../catalogue.ts';
import { CodeView } from '../../components/CodeView.tsx';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/codes/$code')({
  loader: async ({ params }) => {
    const code = await loadCode(params.code);
    if (!code) throw notFound();
    return code;
  },
  head: ({ loaderData }) =>
    loaderData
      ? pageHead(
          `${loaderData.code}: ${loaderData.title}`,
          loaderData.summary || `What the SMTP code ${loaderData.code} (${loaderData.title}) means, and the bounces that carry it.`,
        )
      : {},
  component: function CodeRoute() {
    return <CodeView code={Route.useLoaderData()} />;
  },
});
