#!/usr/bin/env bash
# Builds the release archives: for each platform, the local web app (debtshield-web) and the
# command line (debtshield), both self-contained single files (no .NET needed on the machine),
# with the 使用说明 (how to use), in debtshield-VERSION-RID.zip (Windows) or .tar.gz (others).
#
#   tools/release.sh [--rid RID]... [--out DIR] [--no-ready-to-run] [--no-web-composite] [--fast-compression] [--no-analyzers] [--from-build]
#
# Without --rid: win-x64, osx-arm64, osx-x64, linux-x64, linux-arm64. Archives go to
# artifacts/release (or DIR); each line printed at the end is "SIZE_BYTES ARCHIVE".
# ReadyToRun (precompiled code, so the first page does not wait for the JIT) is on by default.
# The web program is one composite image of the framework, the packages and ours (the SDK's
# PublishReadyToRunComposite, which passes crossgen2 --composite --inputbubble): one version
# bubble, so the framework's generic code over our own types (async state machines, dictionaries
# of our keys) is precompiled instead of jitted at the first page (about 400 methods jitted to the
# first page instead of 1,870). Sound only because the program is self-contained: it ships the
# exact framework it was compiled against. It costs about 18 MB of archive and a longer build.
# --no-web-composite compiles only ours and the packages' (the runtime pack is already
# precompiled on its own), as the CLI always is. Measured in docs/benchmarks.md (issue 25 item 5,
# helper s18-start and the lead's quiet starts of 2026-12-06, sixth session).
# --fast-compression writes the .tar.gz archives with gzip -1 instead of gzip's default (-6): the
# same files, 9 % larger (180 MB against 164 MB for linux-x64) for 40 % of the CPU (8.5 s against
# 20.8 s, measured 2026-12-06); test.sh uses it for the archive its checks unpack at once.
# --no-analyzers compiles without the .NET analyzers and the code-style rules, for a tree whose
# build has just run them on the same files: test.sh, after its build of the solution. The
# publish's own checks stay (the single-file analyser, warnings as errors), and so do the source
# generators the programs are made of and the documentation file (the API's description reads it).
# --from-build publishes what the tree's Release build has just compiled instead of compiling it
# again: the libraries (src/*/bin/Release/net10.0, the same IL for every platform:
# Directory.Build.props makes them RID-agnostic) and the two programs' own IL (the compiler would
# make the same for a platform; the build ran the single-file analyser on it), so the publish only
# adds each platform's runtime, apphost and bundle. For a tree built with `dotnet build -c Release`
# as it is now: test.sh, after its build (the programs' compile was 40 of the publish's 72 s of
# CPU, docs/benchmarks.md, eleventh session).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out=artifacts/release
rids=()
ready_to_run=true
web_composite=true
gzip_level=6
analyzers=()
from_build=false
while [ $# -gt 0 ]; do
  case "$1" in
    --rid) rids+=("$2"); shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-ready-to-run) ready_to_run=false; shift ;;
    --no-web-composite) web_composite=false; shift ;;
    --fast-compression) gzip_level=1; shift ;;
    --no-analyzers) analyzers=(-p:EnableNETAnalyzers=false -p:EnforceCodeStyleInBuild=false); shift ;;
    --from-build) from_build=true; shift ;;
    *) echo "release.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ "${#rids[@]}" -gt 0 ] || rids=(win-x64 osx-arm64 osx-x64 linux-x64 linux-arm64)
version=$(git describe --tags --always --dirty 2>/dev/null || echo dev)
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Publish from a copy of the tree (tracked and new files, nothing ignored): a single-file publish
# restores for each platform and adds the trimming analyser package, which would rewrite the
# repository's lock files and obj folders under a developer's feet.
git ls-files -co --exclude-standard -z | tar --null -cf - -T - | (mkdir -p "$work/tree" && tar -xf - -C "$work/tree")

# --from-build: each library's Release output (bin: the assembly, its documentation file and its
# satellite assemblies; obj: the reference assemblies the programs compile against) goes into the
# copy, and the publish does not build project references, so it takes them as they are. Each
# program's compiled IL (its assembly, symbols, documentation file and reference assemblies) goes
# where the platform's build would write it (obj/Release/net10.0/RID), and the publish runs the
# compiler's step without the compiler (SkipCompilerExecution, as design-time builds do), so it
# takes that IL as it is.
references=()
if $from_build; then
  for project in src/*/*.csproj; do
    name=$(basename "$project" .csproj)
    folder=$(dirname "$project")
    if [ "$name" = DebtShield.Cli ] || [ "$name" = DebtShield.Web ]; then
      if ! compgen -G "$folder/obj/Release/net10.0/*.dll" >/dev/null; then
        echo "release.sh: --from-build: $folder has no Release build (obj/Release/net10.0); run dotnet build -c Release first" >&2
        exit 1
      fi
      for rid in "${rids[@]}"; do
        mkdir -p "$work/tree/$folder/obj/Release/net10.0/$rid"
        cp -a "$folder"/obj/Release/net10.0/*.{dll,pdb,xml} "$folder/obj/Release/net10.0/ref" "$folder/obj/Release/net10.0/refint" "$work/tree/$folder/obj/Release/net10.0/$rid/"
      done
      continue
    fi
    if [ ! -f "$folder/bin/Release/net10.0/$name.dll" ] || [ ! -d "$folder/obj/Release/net10.0/refint" ]; then
      echo "release.sh: --from-build: $folder has no Release build (bin/Release/net10.0/$name.dll); run dotnet build -c Release first" >&2
      exit 1
    fi
    mkdir -p "$work/tree/$folder/bin/Release" "$work/tree/$folder/obj/Release"
    cp -a "$folder/bin/Release/net10.0" "$work/tree/$folder/bin/Release/"
    cp -a "$folder/obj/Release/net10.0" "$work/tree/$folder/obj/Release/"
  done
  references=(-p:BuildProjectReferences=false -p:SkipCompilerExecution=true)
fi

# The packages' native libraries (SQLite, SkiaSharp, OR-Tools: about 80 MB) stay files beside the
# programs rather than inside them: a single file would unpack them into the user's home at its
# first start, about 0.2 s of CPU and 81 MB written (docs/benchmarks.md, issue 25).
# Both programs in one MSBuild invocation (tools/release/programs.proj): one restore of their
# shared graph and one MSBuild process, with the properties `dotnet publish -c Release -r RID
# --self-contained true` passes, and each program's own publish folder and composite setting.
publish() { # rid web-folder cli-folder
  local properties=(-p:Configuration=Release -p:RuntimeIdentifier="$1" -p:_CommandLineDefinedRuntimeIdentifier=true
    -p:SelfContained=true -p:_CommandLineDefinedSelfContained=true -p:_IsPublishing=true -p:NuGetInteractive=false)
  # No -rp (restore-only properties): with any, restore would see none of the -p ones, so
  # nothing of the platform (its runtime, apphost and crossgen packs) would be restored.
  dotnet msbuild "$work/tree/tools/release/programs.proj" -restore -t:Publish "${properties[@]}" \
    -p:WebPublishDir="$2/" -p:CliPublishDir="$3/" -p:WebComposite="$web_composite" \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=false \
    -p:PublishReadyToRun=$ready_to_run -p:DebugType=none \
    -p:IsTransformWebConfigDisabled=true "${analyzers[@]}" "${references[@]}" -v:q -nologo
}

for rid in "${rids[@]}"; do
  name=debtshield-$version-$rid
  stage=$work/$name
  mkdir -p "$stage"
  publish "$rid" "$work/web-$rid" "$work/cli-$rid"
  exe=""; [[ $rid == win-* ]] && exe=.exe
  # The web app's single file keeps its stylesheet beside it (wwwroot): the app serves it from its own folder.
  cp "$work/web-$rid/DebtShield.Web$exe" "$stage/debtshield-web$exe"
  cp -r "$work/web-$rid/wwwroot" "$stage/wwwroot"
  cp "$work/cli-$rid/debtshield$exe" "$stage/debtshield$exe"
  # The native libraries beside the programs (versioned names too: OR-Tools' libortools.so.9); the
  # two programs share them.
  for folder in "$work/web-$rid" "$work/cli-$rid"; do
    find "$folder" -maxdepth 1 -type f \( -name '*.so' -o -name '*.so.*' -o -name '*.dylib' -o -name '*.dll' \) -exec cp -n {} "$stage/" \;
  done
  cp tools/release/使用说明.txt "$stage/使用说明.txt"
  chmod 755 "$stage/debtshield-web$exe" "$stage/debtshield$exe"
  rm -f "$out/$name.zip" "$out/$name.tar.gz"
  if [[ $rid == win-* ]]; then
    (cd "$work" && python3 -m zipfile -c "$out/$name.zip" "$name")
    archive=$out/$name.zip
  else
    tar -C "$work" -cf - --owner=0 --group=0 "$name" | gzip -"$gzip_level" >"$out/$name.tar.gz"
    archive=$out/$name.tar.gz
  fi
  rm -rf "$work/web-$rid" "$work/cli-$rid" "$stage"
  echo "$(stat -c %s "$archive") $archive"
done
