/* Translation of user-facing text (GNU gettext, catalogues in po/).
 *
 * Messages are written in English in the sources and looked up in the
 * "jixiao" text domain: libjixiao calls dgettext with that domain, so it
 * translates whatever program links it, and keeps no state of its own; the
 * program (jxc's main) chooses the locale and binds the domain to the
 * folder of the catalogues. Without NLS (configure --disable-nls) the
 * macros return the English text.
 *
 *   _("text")          translated now
 *   N_("text")         marked for translation only (tables, fragments
 *                      translated where they are used)
 *   P_("one", "many", n)   the form for the count n (ngettext)
 *
 * jx_report, jx_diag_hint, jx_diag_note_add and jx_cli_usage_error
 * translate their format themselves: po/Makevars tells xgettext so. */
#ifndef JX_I18N_H
#define JX_I18N_H

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#define JX_TEXTDOMAIN "jixiao"

#if defined ENABLE_NLS && ENABLE_NLS
#include <libintl.h>
#define _(msgid) dgettext(JX_TEXTDOMAIN, msgid)
#define P_(msgid, plural, n) dngettext(JX_TEXTDOMAIN, msgid, plural, (unsigned long)(n))
#else
#define _(msgid) ((const char *)(msgid))
#define P_(msgid, plural, n) ((n) == 1 ? (const char *)(msgid) : (const char *)(plural))
#endif
#define N_(msgid) msgid

#endif
