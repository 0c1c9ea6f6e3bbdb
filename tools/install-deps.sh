#!/bin/sh
# Installs what building and testing jixiao needs on Debian 12 (bookworm).
# Runs apt-get directly as root, through sudo otherwise.
set -eu
# Build: the toolchain, bison, flex and the libraries (cairo and pango render
# --format=pdf; fonts-noto-cjk is its default face). Tests: chromium prints
# the HTML tables to PDF, poppler-utils reads PDFs back; unzip reads XLSX;
# git drives the diff-driver test; clang with its sanitizer and fuzzer
# runtimes runs make fuzz; util-linux's setpriv drops root for one test;
# make bench compares with xmllint (libxml2-utils) and measures with time.
# Translations: gettext (xgettext, msgfmt) and autopoint, which autoreconf
# runs for AM_GNU_GETTEXT; locales, to generate zh_CN.UTF-8 below.
# The man pages are linted with mandoc and groff (groff-base); the shell
# completions are tested in bash and zsh, and installed where
# bash-completion says.
packages="build-essential autoconf automake pkg-config flex bison libutf8proc-dev
gettext autopoint locales
libxml2-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev chromium poppler-utils
fonts-noto-cjk unzip git clang libclang-rt-14-dev util-linux libxml2-utils time
mandoc groff-base zsh bash-completion"
if [ "$(id -u)" -eq 0 ]; then
  run=""
else
  run="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$run apt-get update -qq
# shellcheck disable=SC2086
$run apt-get install -y -qq --no-install-recommends $packages >/dev/null
# The Chinese and English UTF-8 locales, as on a clerk's machine (a fresh
# Debian has only C and C.UTF-8; jxc then still speaks Chinese for
# LANG=zh_CN.UTF-8, and tests/i18n.sh checks both cases).
for l in zh_CN.UTF-8 en_US.UTF-8; do
  if grep -q "^# *$l UTF-8" /etc/locale.gen; then
    $run sed -i "s/^# *\($l UTF-8\)/\1/" /etc/locale.gen
  elif ! grep -q "^$l UTF-8" /etc/locale.gen; then
    echo "$l UTF-8" | $run tee -a /etc/locale.gen >/dev/null
  fi
done
$run locale-gen >/dev/null
echo "install-deps: installed $packages"
