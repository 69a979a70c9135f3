/* PLACEHOLDER: being written; see issue 2.  Replace this whole file. */
#include "internal.h"
