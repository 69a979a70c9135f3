/* PLACEHOLDER: being written; see issue 3.  Replace this whole file. */
#include "internal.h"
