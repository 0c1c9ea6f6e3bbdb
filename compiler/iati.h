/* Export to the IATI 2.03 activity standard (iati-activities): one activity
 * per project, its budget and planned disbursements from the spending plan,
 * and each quantitative indicator as result/indicator/period/target. The
 * mapping is documented in doc/iati.md. */
#ifndef JX_IATI_H
#define JX_IATI_H

#include <libxml/tree.h>

#include "ctx.h"
#include "document.h"
#include "library.h"

/* lib must be the document's library (jx_library_for_document), for units
 * and framework roles. Caller frees the result with xmlFreeDoc. */
xmlDocPtr jx_iati_build(jx_ctx *ctx, const jx_document *doc, const jx_library *lib);

#endif
