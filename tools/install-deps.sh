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
# The man pages are linted with mandoc and groff (groff-base); the shell
# completions are tested in bash and zsh, and installed where
# bash-completion says.
packages="build-essential autoconf automake pkg-config flex bison libutf8proc-dev
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
echo "install-deps: installed $packages"
