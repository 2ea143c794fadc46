#ifndef TENDERSCORE_CLIBXML2_SHIM_H
#define TENDERSCORE_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its UErrorCode clashes with Foundation's copy when both are
   visible to one module. Nothing here touches the ICU fields, so hide them. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlsave.h>

/* xmlFree is a C global function pointer; Swift 6 strict concurrency refuses to read a mutable
   global, so it is called through this wrapper. */
static inline void tenderscore_xmlFree(void *pointer) {
    xmlFree(pointer);
}

#endif
