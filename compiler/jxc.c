/* jxc: the jixiao command-line compiler. This file reads the command line
 * (getopt_long, one table of options, each allowed for some commands) and
 * runs the command; the commands themselves are in cmd_*.c. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "cli.h"
#include "i18n.h"

/* The help, a paragraph a message so that each can be translated on its
 * own; printed with a blank line between paragraphs. */
static const char *const usage_text[] = {
    N_("Usage: jxc COMMAND [FILE]...\n"
       "Compile budget performance-target tables (部门预算绩效目标表) written in the\n"
       "jixiao language.\n"),
    N_("Commands:\n"
       "  check FILE...   read and check each document, reporting every problem\n"
       "  dump FILE...    print the syntax tree of the documents as JSON\n"
       "                  (format: doc/ast-json.md)\n"
       "  format FILE...  print each file in the canonical layout, comments\n"
       "                  kept (files with syntax errors are not printed);\n"
       "                  a folder: every file of its document; -: standard input\n"
       "  diff OLD NEW    compare two documents, typically two years of one\n"
       "                  department: projects added, removed, renamed and moved,\n"
       "                  budgets, spending plans, targets tightened or loosened,\n"
       "                  texts (format: doc/diff.md)\n"
       "  build FILE...   compile one document (made of the FILEs and what they\n"
       "                  import) into the exchange XML (schema/jixiao-1.xsd) or\n"
       "                  another --format; refused when the document has errors\n"
       "  import FILE.xml turn an exchange XML document back into jixiao source\n"
       "  tokens FILE     print the scanner's tokens of one file, one a line,\n"
       "                  to explain a confusing syntax error\n"),
    N_("A FILE may be a folder; its main.jx is then the document's root file.\n"
       "Each FILE is a separate document together with the files it imports.\n"),
    N_("Options of build and import:\n"
       "  -o, --output=FILE   write to FILE instead of standard output; the file\n"
       "                      is written whole or not at all (a temporary file is\n"
       "                      renamed), a source file of the run is never\n"
       "                      overwritten, and a device such as /dev/null is\n"
       "                      written to, not replaced\n"
       "  --format=xml        build: the exchange XML (the default)\n"
       "  --format=iati       build: an IATI 2.03 iati-activities document,\n"
       "                      validated when $JIXIAO_IATI_SCHEMA names the folder\n"
       "                      of iati-activities-schema.xsd\n"
       "  --format=pdf        build: the performance text as a PDF for publication\n"
       "                      (A4, fonts embedded; needs -o); --font=FAMILY sets\n"
       "                      it in another installed font than Noto Serif CJK SC\n"
       "  --format=html       build: printable tables for A4 paper\n"
       "  --format=text       build: tables for the terminal (--width=N columns;\n"
       "                      default the terminal's, or 100); --ambiguous=wide\n"
       "                      counts ≥ ≤ “ ” two columns, as terminals set to draw\n"
       "                      East Asian ambiguous characters wide do (default:\n"
       "                      what the terminal says it does, else narrow)\n"
       "  --format=csv        build: one row per indicator, RFC 4180 (--bom for Excel)\n"
       "  --format=markdown   build: Markdown tables\n"
       "  --format=xlsx       build: a workbook, one sheet per budget unit\n"
       "                      (--sheets=project: one per project); needs -o\n"
       "  --project=CODE, --unit=CODE   print only that project or budget unit\n"
       "  --as-written        print values with their units as the source writes\n"
       "                      them; by default a document that writes ratios in\n"
       "                      several ways (≥0.95比例 beside ≥95%) prints all in %\n"
       "build also takes --warnings, --disable, -I and --max-errors.\n"),
    N_("Options of check:\n"
       "  --warnings=error    treat warnings as errors (exit status 1)\n"
       "  --disable=CODE,...  turn off checker rules (J101 ...); a comment\n"
       "                      '# jxc: allow CODE' does so on its own line, and\n"
       "                      '允许 CODE \"reason\"' in the document, a project\n"
       "                      or an indicator row where it stands\n"
       "  --format=json       print diagnostics to standard output as JSON,\n"
       "                      one object a line, instead of text on stderr\n"
       "  --format=sarif      print them to standard output as one SARIF 2.1.0\n"
       "                      log, for CI systems that show findings inline\n"
       "  --syntax-only       only read the documents; skip the checker rules\n"
       "The rules run on each document that reads without syntax errors.\n"),
    N_("Options of format:\n"
       "  -w, --write         rewrite each file in place that is not formatted\n"
       "                      (atomically; a formatted file is not touched)\n"
       "  --check             list the files that are not formatted, change\n"
       "                      nothing; exit status 1 when there are any\n"
       "  --diff              show what formatting would change, as a unified\n"
       "                      diff; exit status 1 when it would change anything\n"
       "  --textconv          for git's textconv (doc/git.md): each project's line\n"
       "                      names its budget unit, and a file with syntax\n"
       "                      errors is printed as it is\n"),
    N_("Options of diff:\n"
       "  --format=text       a report for the terminal (the default), coloured\n"
       "                      when written to a terminal\n"
       "  --format=markdown|html|json   a Markdown or a self-contained HTML report,\n"
       "                      or JSON for other tools (doc/diff.md)\n"
       "  --stat              the summary only\n"
       "  --match=OLD=NEW     pair the project OLD of the old document with NEW of\n"
       "                      the new one (each a project code, or a name when the\n"
       "                      project has no code); may be repeated\n"
       "  -o, --output=FILE   write the report to FILE\n"
       "diff exits with 0 when the documents do not differ, 1 when they do, and\n"
       "2 when one cannot be read. Given git's seven arguments (PATH OLD-FILE\n"
       "OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE), it is git's diff driver:\n"
       "each file is compared on its own and the exit status is 0 (doc/git.md).\n"),
    N_("Options of check, build, diff, dump, format, import and tokens:\n"
       "  --max-errors=N      show at most N diagnostics (default 100), then say\n"
       "                      how many more there are; 0 shows all\n"
       "  -I, --include=FOLDER   let 导入 read files in FOLDER too; by default a\n"
       "                      document imports only .jx files inside the folder\n"
       "                      of its root file (check, build, diff, dump)\n"
       "  --color=auto|always|never   colours in diagnostics and in diff's text\n"
       "                      report (auto: on a terminal, unless NO_COLOR is set\n"
       "                      or TERM is dumb)\n"),
    N_("Options take their value as --name=VALUE or --name VALUE (-oFILE, -o FILE);\n"
       "-- ends the options.\n"),
    N_("The standard library (units and indicator frameworks) is read from\n"
       "$JIXIAO_STDLIB when set, else from the installed data folder, else\n"
       "from the source tree jxc was built from; the exchange schema likewise\n"
       "from $JIXIAO_SCHEMA, the installed data folder or the source tree.\n"),
    N_("Messages are in the language of the locale: LANGUAGE, LC_ALL,\n"
       "LC_MESSAGES or LANG, as in every GNU program (LANG=zh_CN.UTF-8: Chinese;\n"
       "C: English). The translations are read from $JIXIAO_LOCALEDIR when set,\n"
       "else from the installed ones, else from the build tree.\n"),
    N_("Options:\n"
       "  -h, --help      show this help and exit\n"
       "  -V, --version   show the version and exit\n"),
    N_("Exit status: 0 when the input is clean, 1 when it has errors, 2 for a\n"
       "usage error or a file that cannot be read.\n"
       "Diagnostics are printed as FILE:LINE:COLUMN: error[CODE]: message; the\n"
       "codes are explained in doc/diagnostics.md.\n"),
};

static void print_usage(void) {
  for (size_t i = 0; i < sizeof usage_text / sizeof usage_text[0]; i++) {
    if (i) fputc('\n', stdout);
    fputs(_(usage_text[i]), stdout);
  }
}

enum {
  OPT_FORMAT = 256, OPT_PROJECT, OPT_UNIT, OPT_WIDTH, OPT_AMBIGUOUS, OPT_BOM, OPT_SHEETS,
  OPT_AS_WRITTEN, OPT_FONT, OPT_WARNINGS, OPT_DISABLE, OPT_SYNTAX_ONLY, OPT_MAX_ERRORS,
  OPT_CHECK, OPT_DIFF, OPT_TEXTCONV, OPT_STAT, OPT_MATCH, OPT_COLOR
};

/* Which commands take an option: a bit per command. */
enum {
  C_CHECK = 1, C_DUMP = 2, C_TOKENS = 4, C_FORMAT = 8, C_BUILD = 16, C_IMPORT = 32,
  C_DIFF = 64, C_ALL = 127
};

struct command {
  const char *name;
  jx_command_fn run;
  int bit;
};

static const struct command commands[] = {
    {"check", jx_cmd_check, C_CHECK},   {"dump", jx_cmd_dump, C_DUMP},
    {"tokens", jx_cmd_tokens, C_TOKENS}, {"format", jx_cmd_format, C_FORMAT},
    {"build", jx_cmd_build, C_BUILD},   {"import", jx_cmd_import, C_IMPORT},
    {"diff", jx_cmd_diff, C_DIFF},
};

struct option_spec {
  struct option opt;
  int commands;
};

static const struct option_spec option_specs[] = {
    {{"help", no_argument, NULL, 'h'}, C_ALL},
    {{"output", required_argument, NULL, 'o'}, C_BUILD | C_IMPORT | C_DIFF},
    {{"include", required_argument, NULL, 'I'}, C_CHECK | C_BUILD | C_DUMP | C_DIFF},
    {{"format", required_argument, NULL, OPT_FORMAT}, C_CHECK | C_BUILD | C_DIFF},
    {{"project", required_argument, NULL, OPT_PROJECT}, C_BUILD},
    {{"unit", required_argument, NULL, OPT_UNIT}, C_BUILD},
    {{"width", required_argument, NULL, OPT_WIDTH}, C_BUILD},
    {{"ambiguous", required_argument, NULL, OPT_AMBIGUOUS}, C_BUILD},
    {{"bom", no_argument, NULL, OPT_BOM}, C_BUILD},
    {{"as-written", no_argument, NULL, OPT_AS_WRITTEN}, C_BUILD},
    {{"font", required_argument, NULL, OPT_FONT}, C_BUILD},
    {{"sheets", required_argument, NULL, OPT_SHEETS}, C_BUILD},
    {{"warnings", required_argument, NULL, OPT_WARNINGS}, C_CHECK | C_BUILD},
    {{"disable", required_argument, NULL, OPT_DISABLE}, C_CHECK | C_BUILD},
    {{"syntax-only", no_argument, NULL, OPT_SYNTAX_ONLY}, C_CHECK},
    {{"max-errors", required_argument, NULL, OPT_MAX_ERRORS}, C_ALL},
    {{"write", no_argument, NULL, 'w'}, C_FORMAT},
    {{"check", no_argument, NULL, OPT_CHECK}, C_FORMAT},
    {{"diff", no_argument, NULL, OPT_DIFF}, C_FORMAT},
    {{"textconv", no_argument, NULL, OPT_TEXTCONV}, C_FORMAT},
    {{"stat", no_argument, NULL, OPT_STAT}, C_DIFF},
    {{"match", required_argument, NULL, OPT_MATCH}, C_DIFF},
    {{"color", required_argument, NULL, OPT_COLOR}, C_ALL},
};

enum { NSPECS = sizeof option_specs / sizeof option_specs[0] };

/* The long options and the short-option string of one command. */
static void options_for(int bit, struct option *longs, char *shorts) {
  size_t n = 0, k = 0;
  shorts[k++] = ':'; /* report a missing argument as ':' */
  for (size_t i = 0; i < NSPECS; i++) {
    if (!(option_specs[i].commands & bit)) continue;
    longs[n++] = option_specs[i].opt;
    int c = option_specs[i].opt.val;
    if (c < 256) {
      shorts[k++] = (char)c;
      if (option_specs[i].opt.has_arg == required_argument) shorts[k++] = ':';
    }
  }
  longs[n] = (struct option){0, 0, 0, 0};
  shorts[k] = '\0';
}

static bool parse_count(const char *s, long lo, long hi, long *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (!*s || *end || v < lo || v > hi) return false;
  *out = v;
  return true;
}

/* Applies one option; returns -1 to go on, else an exit status. */
static int apply(jx_cli *cli, const char *cmd, int c, const char *arg) {
  long n;
  switch (c) {
    case 'h':
      print_usage();
      return EXIT_CLEAN;
    case 'o': cli->output = arg; break;
    case 'I': jx_list_push(cli->scratch->arena, &cli->import_dirs, (void *)arg); break;
    case OPT_FORMAT:
      if (!strcmp(cmd, "check")) {
        if (!strcmp(arg, "text"))
          cli->diag_format = JX_DIAGS_TEXT;
        else if (!strcmp(arg, "json"))
          cli->diag_format = JX_DIAGS_JSON;
        else if (!strcmp(arg, "sarif"))
          cli->diag_format = JX_DIAGS_SARIF;
        else
          return jx_cli_usage_error("check: unknown --format '%s' (use text, json or "
                                    "sarif).", arg);
      } else if (!strcmp(cmd, "diff")) {
        if (strcmp(arg, "text") && strcmp(arg, "markdown") && strcmp(arg, "html") &&
            strcmp(arg, "json"))
          return jx_cli_usage_error("diff: unknown --format '%s' (use text, markdown, "
                                    "html or json).", arg);
        cli->format = arg;
      } else {
        cli->format = arg;
      }
      break;
    case OPT_PROJECT: cli->report.project = arg; break;
    case OPT_UNIT: cli->report.unit = arg; break;
    case OPT_WIDTH:
      if (!parse_count(arg, 40, 1000, &n))
        return jx_cli_usage_error("--width: '%s' is not a width from 40 to 1000 columns.", arg);
      cli->report.width = (int)n;
      break;
    case OPT_AMBIGUOUS:
      if (strcmp(arg, "narrow") && strcmp(arg, "wide"))
        return jx_cli_usage_error("--ambiguous: '%s' is neither narrow nor wide.", arg);
      cli->ambiguous = !strcmp(arg, "wide") ? 2 : 1;
      break;
    case OPT_BOM: cli->report.bom = true; break;
    case OPT_AS_WRITTEN: cli->report.as_written = true; break;
    case OPT_FONT:
      if (!*arg) return jx_cli_usage_error("--font needs the name of a font family.", NULL);
      cli->report.font = arg;
      break;
    case OPT_SHEETS:
      if (strcmp(arg, "unit") && strcmp(arg, "project"))
        return jx_cli_usage_error("--sheets: '%s' is neither unit nor project.", arg);
      cli->report.sheet_per_project = !strcmp(arg, "project");
      break;
    case OPT_WARNINGS:
      if (strcmp(arg, "error"))
        return jx_cli_usage_error("--warnings: '%s' is not a choice; the only one is "
                                  "--warnings=error.", arg);
      cli->check.warnings_as_errors = true;
      break;
    case OPT_DISABLE: {
      char *codes = jx_arena_strdup(cli->scratch->arena, arg);
      for (char *tok = strtok(codes, ","); tok; tok = strtok(NULL, ",")) {
        if (!jx_check_rule_known(tok))
          return jx_cli_usage_error("--disable: '%s' is not a checker rule code "
                                    "(see doc/checks.md).", tok);
        jx_list_push(cli->scratch->arena, &cli->check.disabled, tok);
      }
      break;
    }
    case OPT_SYNTAX_ONLY: cli->syntax_only = true; break;
    case 'w': cli->write = true; break;
    case OPT_CHECK: cli->check_only = true; break;
    case OPT_DIFF: cli->show_diff = true; break;
    case OPT_TEXTCONV: cli->textconv = true; break;
    case OPT_STAT: cli->stat = true; break;
    case OPT_MATCH:
      if (!strchr(arg, '=') || arg[0] == '=' || !strchr(arg, '=')[1])
        return jx_cli_usage_error("--match: '%s' is not OLD=NEW (a project code or "
                                  "name on each side).", arg);
      jx_list_push(cli->scratch->arena, &cli->matches, (void *)arg);
      break;
    case OPT_COLOR:
      if (!strcmp(arg, "auto"))
        cli->color = -1;
      else if (!strcmp(arg, "always"))
        cli->color = 1;
      else if (!strcmp(arg, "never"))
        cli->color = 0;
      else
        return jx_cli_usage_error("--color: '%s' is not auto, always or never.", arg);
      break;
    case OPT_MAX_ERRORS:
      if (!parse_count(arg, 0, 1000000000L, &n))
        return jx_cli_usage_error("--max-errors: '%s' is not a count (0 shows all).", arg);
      cli->max_errors = (size_t)n;
      break;
  }
  return -1;
}

/* The option as the user wrote it, for messages. */
static const char *written(char **argv, int index, int c) {
  if (c && c < 256) {
    static char buf[3] = "-?";
    buf[1] = (char)c;
    return buf;
  }
  return index > 0 ? argv[index - 1] : "?";
}

static int run_command(const struct command *cmd, int argc, char **argv) {
  jx_cli cli = {.max_errors = JX_DEFAULT_MAX_ERRORS, .color = -1};
  cli.scratch = jx_ctx_new();
  if (!cli.scratch) return EXIT_USAGE;
  struct option longs[NSPECS + 1];
  char shorts[2 * NSPECS + 2];
  options_for(cmd->bit, longs, shorts);
  opterr = 0;
  optind = 1;
  int status = -1, c;
  /* argv[0] is the command: getopt_long starts after it. */
  while (status < 0 && (c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
    if (c == '?') {
      const char *opt = optopt ? written(argv, optind, optopt) : argv[optind - 1];
      bool known = false;
      for (size_t i = 0; i < NSPECS; i++)
        known |= !strncmp(opt, "--", 2) &&
                 !strncmp(opt + 2, option_specs[i].opt.name,
                          strcspn(opt + 2, "=")) &&
                 strlen(option_specs[i].opt.name) == strcspn(opt + 2, "=");
      status = known ? jx_cli_usage_error("%s", jx_arena_printf(cli.scratch->arena,
                                                                _("%s: %s is not an option "
                                                                  "of this command."),
                                                                cmd->name, opt))
                     : jx_cli_usage_error("unknown option '%s'.", opt);
    } else if (c == ':') {
      status = jx_cli_usage_error("%s needs a value.", written(argv, optind, optopt));
    } else {
      status = apply(&cli, cmd->name, c, optarg);
    }
  }
  if (status < 0 && optind >= argc) status = jx_cli_usage_error("no FILE given.", NULL);
  if (status < 0) status = cmd->run(argc - optind, argv + optind, &cli);
  jx_ctx_free(cli.scratch);
  return status;
}

/* libxml2 prints some input problems (a bad declared encoding) straight to
 * stderr; every problem jxc cares about is reported as a diagnostic. */
static void quiet(void *data, const char *msg, ...) {
  (void)data;
  (void)msg;
}

int main(int argc, char **argv) {
  jx_cli_init_locale();
  xmlInitParser();
  xmlSetGenericErrorFunc(NULL, quiet);
  jx_cli_install_signal_handlers();
  /* Diagnostics can be many: print them in large writes, not a byte each. */
  static char errbuf[1 << 16];
  setvbuf(stderr, errbuf, _IOFBF, sizeof errbuf);
  int status;
  if (argc < 2) {
    status = jx_cli_usage_error("no command given.", NULL);
  } else if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
             !strcmp(argv[1], "help")) {
    print_usage();
    status = EXIT_CLEAN;
  } else if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
    printf("jxc (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
    status = EXIT_CLEAN;
  } else {
    const struct command *cmd = NULL;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
      if (!strcmp(argv[1], commands[i].name)) cmd = &commands[i];
    status = cmd ? run_command(cmd, argc - 1, argv + 1)
                 : jx_cli_usage_error("unknown command '%s'.", argv[1]);
  }
  status = jx_cli_close_stdout(status);
  fflush(stderr);
  xmlCleanupParser();
  return status;
}
