/* What the jxc commands (cmd_*.c) share: their options, loading the
 * standard library, printing diagnostics, and writing output files so that
 * an interrupted run leaves nothing behind. Part of the jxc program, not of
 * libjixiao: this is the one place with process-wide state (the temporary
 * file a signal handler must remove). */
#ifndef JX_CLI_H
#define JX_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "check.h"
#include "ctx.h"
#include "library.h"
#include "output.h"
#include "report.h"

enum { EXIT_CLEAN = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* Diagnostics shown by default before the rest are only counted. */
enum { JX_DEFAULT_MAX_ERRORS = 100 };

typedef struct jx_cli {
  jx_check_options check;
  enum { JX_DIAGS_TEXT, JX_DIAGS_JSON, JX_DIAGS_SARIF } diag_format; /* check --format */
  bool syntax_only;        /* check --syntax-only */
  const char *output;      /* -o FILE; NULL or "-" for standard output */
  const char *format;      /* build: xml, iati, html, text, csv, markdown, xlsx */
  size_t max_errors;       /* --max-errors=N; 0 shows all */
  jx_list import_dirs;     /* -I FOLDER: const char * */
  jx_report_options report;
  int ambiguous;           /* --ambiguous: 0 ask the terminal, 1 narrow, 2 wide */
  /* format */
  bool write;              /* format -w: rewrite the files in place */
  bool check_only;         /* format --check: list the files not formatted */
  bool show_diff;          /* format --diff: show what formatting changes */
  bool textconv;           /* format --textconv: for git (doc/git.md) */
  /* diff */
  bool stat;               /* diff --stat: the summary only */
  int color;               /* --color: -1 auto, 0 never, 1 always */
  jx_list matches;         /* diff --match OLD=NEW: const char *, as given */
  jx_ctx *scratch;         /* owns option strings */
} jx_cli;

typedef int (*jx_command_fn)(int argc, char **argv, const jx_cli *cli);

int jx_cmd_check(int argc, char **argv, const jx_cli *cli);
int jx_cmd_dump(int argc, char **argv, const jx_cli *cli);
int jx_cmd_tokens(int argc, char **argv, const jx_cli *cli);
int jx_cmd_format(int argc, char **argv, const jx_cli *cli);
int jx_cmd_build(int argc, char **argv, const jx_cli *cli);
int jx_cmd_import(int argc, char **argv, const jx_cli *cli);
int jx_cmd_diff(int argc, char **argv, const jx_cli *cli);

/* Sets the locale from the environment (LANG, LC_ALL, LC_MESSAGES,
 * LANGUAGE) and binds the "jixiao" text domain to the catalogues:
 * $JIXIAO_LOCALEDIR when set, else the installed ones, else those of the
 * build tree. Called once, first thing in main. */
void jx_cli_init_locale(void);

/* "jxc: MESSAGE" and the pointer to --help on stderr, fmt translated and
 * formatted with arg (NULL when fmt has no %s); returns EXIT_USAGE. */
int jx_cli_usage_error(const char *fmt, const char *arg);

/* A new ctx set up from the options (-I folders). NULL when out of memory. */
jx_ctx *jx_cli_ctx(const jx_cli *cli);

/* Whether output to fd is coloured: --color=always or never when given;
 * otherwise when fd is a terminal, NO_COLOR is unset or empty and TERM is
 * not "dumb" (https://no-color.org, as gcc and git do). */
bool jx_cli_use_color(const jx_cli *cli, int fd);

/* Loads the standard library into ctx; prints why and returns false when it
 * cannot be used. */
bool jx_cli_load_library(jx_ctx *ctx, jx_library *lib);

/* Prints the diagnostics (at most --max-errors of them) and the summary line
 * on stderr, first reading again the files they point into whose text was
 * released (jx_sources_restore). */
void jx_cli_print_diags(jx_ctx *ctx, const jx_cli *cli);

/* Prints the diagnostics, frees ctx, and returns status, raised to
 * EXIT_INPUT when ctx has errors. */
int jx_cli_finish(jx_ctx *ctx, const jx_cli *cli, int status);

/* Writes data to path ("-": standard output) through jx_output; while its
 * temporary file exists, an interrupt (SIGINT, SIGTERM, SIGHUP) removes it.
 * Prints why and returns false on failure. */
bool jx_cli_write(jx_ctx *ctx, const char *path, const char *data, size_t len);

/* The same for a writer that takes a file name (libxlsxwriter): write(tmp)
 * fills the temporary file, which is then renamed. */
bool jx_cli_write_with(jx_ctx *ctx, const char *path,
                       bool (*write)(const char *tmp, void *data, const char **why),
                       void *data);

/* The same for a writer that streams into o as it goes (jxc build's XML):
 * jx_cli_open prepares path like jx_cli_write, but returns why instead of
 * printing it; jx_cli_commit makes the output final when ok, else discards
 * it, and prints why on failure; jx_cli_discard throws it away silently. */
bool jx_cli_open(jx_ctx *ctx, jx_output *o, const char *path, const char **why);
bool jx_cli_commit(jx_output *o, bool ok, const char *why);
void jx_cli_discard(jx_output *o);

/* How many columns the terminal that fd writes to draws an East Asian
 * ambiguous character (≥) in: it is asked with a cursor position report,
 * as Vim does. 1 or 2; 0 when fd is not a terminal or it does not answer
 * within a fraction of a second. */
int jx_cli_terminal_ambiguous_width(int fd);

/* Installs the handlers that remove a temporary output file on a signal. */
void jx_cli_install_signal_handlers(void);

/* Flushes standard output; prints why and returns EXIT_USAGE when it could
 * not be written (a full disk, /dev/full, a closed pipe), else status. */
int jx_cli_close_stdout(int status);

#endif
