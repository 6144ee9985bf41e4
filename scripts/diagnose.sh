#!/bin/sh
# `npm run diagnose -- ARGS`: starts the command from its V8 start-up snapshot (main script
# diagnose-snapshot.cjs) when there is one for the Node.js running npm (dist-cli/snapshot/, named by
# version, platform and architecture, read from npm's user agent "npm/11.1.0 node/v20.20.2 linux x64
# workspaces/false"), which skips loading the engine and priming the catalogue; otherwise, or when
# Node.js refuses the snapshot, the plain way (diagnose.mjs). Node.js options (NODE_OPTIONS) must match
# the snapshot's, so any skips it.
here=${0%/*}
node=${npm_node_execpath:-node}
agent=${npm_config_user_agent#* node/}
version=${agent%% *}
rest=${agent#* }
platform=${rest%% *}
rest=${rest#* }
arch=${rest%% *}
blob="$here/../dist-cli/snapshot/bouncedoc-$version-$platform-$arch.blob"
if [ -n "${npm_node_execpath:-}" ] && [ -z "${NODE_OPTIONS:-}" ] && [ -f "$blob" ]; then
  "$node" --snapshot-blob "$blob" "$here/diagnose-snapshot.cjs" "$@"
  status=$?
  # 14: Node.js did not load the snapshot (made by another build of Node.js) and ran nothing
  [ "$status" -ne 14 ] && exit "$status"
fi
exec "$node" "$here/diagnose.mjs" "$@"
