"""artconv for Python: convert news articles between formats with libartconv.

A thin ctypes layer over the installed shared library (libartconv.so.0); no
compile step.  Set ARTCONV_LIBRARY to a path to use another build of it.

    import artconv
    md = artconv.convert(html_bytes, from_="html", to="markdown")
    book = artconv.convert(md, from_="markdown", to="epub")      # bytes
    model = artconv.read(html_bytes, from_="html")              # a dict
    print(model["meta"]["title"])

Failures raise artconv.Error, which carries the code, the message and where
in the input it happened (file, line, column); warnings go to Python's
warnings module as artconv.ArtconvWarning.
"""

import ctypes
import ctypes.util
import json
import os
import threading
import warnings as _warnings

__all__ = ["convert", "read", "formats", "version", "library_versions", "Error",
           "ArtconvWarning"]


class Error(Exception):
    """A conversion that failed: code (negative, see artconv.h), status (its
    name), message, and file, line and column (None when unknown)."""

    def __init__(self, code, status, message, file=None, line=None, column=None):
        where = ":".join(str(p) for p in (file, line, column) if p)
        super().__init__(f"{where}: {message}" if where else message)
        self.code = code
        self.status = status
        self.message = message
        self.file = file
        self.line = line
        self.column = column


class ArtconvWarning(UserWarning):
    """Something the library repaired or left out; the conversion went on."""


# --- the C declarations this module uses (include/artconv.h) -----------------
# The option structs mirror the header field for field: artconv_*_options_init
# fills the whole struct, so a field missing here would be written past its
# end.  tests/python.sh checks the sizes against the header's.

class _ErrorStruct(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char * 256),
                ("file", ctypes.c_char_p), ("line", ctypes.c_int),
                ("column", ctypes.c_int), ("offset", ctypes.c_size_t)]


class _Buf(ctypes.Structure):
    _fields_ = [("ptr", ctypes.c_void_p), ("len", ctypes.c_size_t),
                ("cap", ctypes.c_size_t)]


_WarningFn = ctypes.CFUNCTYPE(None, ctypes.POINTER(_ErrorStruct), ctypes.c_void_p)
_TempFileFn = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p)


class _ReadOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("filename", ctypes.c_char_p),
                ("max_input", ctypes.c_size_t), ("strict", ctypes.c_int),
                ("no_extract", ctypes.c_int), ("warning", _WarningFn),
                ("payload", ctypes.c_void_p), ("max_nodes", ctypes.c_size_t),
                ("root", ctypes.c_char_p), ("regular_only", ctypes.c_int),
                ("encoding", ctypes.c_char_p), ("base_url", ctypes.c_char_p)]


class _WriteOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("filename", ctypes.c_char_p),
                ("width", ctypes.c_int), ("fragment", ctypes.c_int),
                ("front_matter", ctypes.c_int), ("warning", _WarningFn),
                ("payload", ctypes.c_void_p), ("resource_dir", ctypes.c_char_p),
                ("stylesheet", ctypes.c_char_p), ("cover", ctypes.c_char_p),
                ("timestamp", ctypes.c_longlong), ("provider", ctypes.c_char_p),
                ("guid_scheme", ctypes.c_char_p), ("item_version", ctypes.c_int),
                ("no_sync", ctypes.c_int), ("ignore_status", ctypes.c_int),
                ("force", ctypes.c_int), ("temp_file", _TempFileFn),
                ("temp_payload", ctypes.c_void_p), ("root", ctypes.c_char_p)]


_FRONT_MATTER = {"auto": 0, "always": 1, "never": 2}
_lib = None
_lib_lock = threading.Lock()


def _load():
    """The shared library, loaded once, its functions typed."""
    global _lib
    with _lib_lock:
        if _lib is not None:
            return _lib
        path = os.environ.get("ARTCONV_LIBRARY") or ctypes.util.find_library("artconv")
        if path is None:
            raise OSError("libartconv is not installed (or set ARTCONV_LIBRARY to its path)")
        lib = ctypes.CDLL(path)
        c = ctypes
        sigs = {
            "artconv_version": (c.c_char_p, []),
            "artconv_status_name": (c.c_char_p, [c.c_int]),
            "artconv_library_versions": (c.c_int, [c.POINTER(_Buf)]),
            "artconv_buf_dispose": (None, [c.POINTER(_Buf)]),
            "artconv_format_count": (c.c_size_t, []),
            "artconv_format_at": (c.c_void_p, [c.c_size_t]),
            "artconv_format_by_name": (c.c_void_p, [c.c_char_p]),
            "artconv_format_name": (c.c_char_p, [c.c_void_p]),
            "artconv_format_media_type": (c.c_char_p, [c.c_void_p]),
            "artconv_format_description": (c.c_char_p, [c.c_void_p]),
            "artconv_format_can_read": (c.c_int, [c.c_void_p]),
            "artconv_format_can_write": (c.c_int, [c.c_void_p]),
            "artconv_format_is_binary": (c.c_int, [c.c_void_p]),
            "artconv_read_options_init": (None, [c.POINTER(_ReadOptions)]),
            "artconv_write_options_init": (None, [c.POINTER(_WriteOptions)]),
            "artconv_read": (c.c_int, [c.POINTER(c.c_void_p), c.c_void_p, c.c_char_p,
                                       c.c_size_t, c.POINTER(_ReadOptions),
                                       c.POINTER(_ErrorStruct)]),
            "artconv_write": (c.c_int, [c.POINTER(_Buf), c.c_void_p, c.c_void_p,
                                        c.POINTER(_WriteOptions), c.POINTER(_ErrorStruct)]),
            "artconv_article_set_meta_arg": (c.c_int, [c.c_void_p, c.c_char_p,
                                                       c.POINTER(_ErrorStruct)]),
            "artconv_article_free": (None, [c.c_void_p]),
        }
        for name, (restype, argtypes) in sigs.items():
            fn = getattr(lib, name)
            fn.restype = restype
            fn.argtypes = argtypes
        _lib = lib
        return lib


def _text(value):
    return None if value is None else value.decode("utf-8", "replace")


def _raise(lib, err):
    raise Error(err.code, _text(lib.artconv_status_name(err.code)), _text(err.message),
                _text(err.file), err.line or None, err.column or None)


def _format(lib, name, reading):
    fmt = lib.artconv_format_by_name(name.encode("utf-8"))
    if not fmt:
        raise ValueError(f"unknown format {name!r}; artconv.formats() lists them")
    if reading and not lib.artconv_format_can_read(fmt):
        raise ValueError(f"artconv cannot read {name!r}")
    if not reading and not lib.artconv_format_can_write(fmt):
        raise ValueError(f"artconv cannot write {name!r}")
    return fmt


def _as_bytes(data):
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _read(lib, data, from_, filename, strict, no_extract, meta, encoding=None):
    """The article read from `data` (a C pointer the caller frees), and the
    warning callback, which must stay alive while the article is used."""
    payload = _as_bytes(data)
    fmt = _format(lib, from_, reading=True)
    opts = _ReadOptions()
    lib.artconv_read_options_init(ctypes.byref(opts))
    name = filename.encode("utf-8") if filename else None
    opts.filename = name
    opts.strict = 1 if strict else 0
    opts.no_extract = 1 if no_extract else 0
    charset = encoding.encode("utf-8") if encoding else None
    opts.encoding = charset

    def on_warning(warning, _payload):
        w = warning.contents
        where = ":".join(str(p) for p in (_text(w.file), w.line or None) if p)
        _warnings.warn(f"{where}: {_text(w.message)}" if where else _text(w.message),
                       ArtconvWarning, stacklevel=4)

    callback = _WarningFn(on_warning)
    opts.warning = callback
    article = ctypes.c_void_p()
    err = _ErrorStruct()
    if lib.artconv_read(ctypes.byref(article), fmt, payload, len(payload),
                        ctypes.byref(opts), ctypes.byref(err)) < 0:
        _raise(lib, err)
    try:
        for key, value in (meta or {}).items():
            if isinstance(value, (list, tuple)):
                value = ",".join(value)
            arg = f"{key}={value}".encode("utf-8")
            if lib.artconv_article_set_meta_arg(article, arg, ctypes.byref(err)) < 0:
                _raise(lib, err)
    except BaseException:
        lib.artconv_article_free(article)
        raise
    return article, callback, name


def _write(lib, article, to, width, fragment, front_matter, ignore_status, callback):
    fmt = _format(lib, to, reading=False)
    opts = _WriteOptions()
    lib.artconv_write_options_init(ctypes.byref(opts))
    if width is not None:
        opts.width = int(width)
    opts.fragment = 1 if fragment else 0
    opts.front_matter = _FRONT_MATTER[front_matter]
    opts.ignore_status = 1 if ignore_status else 0
    opts.warning = callback
    buf = _Buf()
    err = _ErrorStruct()
    try:
        if lib.artconv_write(ctypes.byref(buf), fmt, article, ctypes.byref(opts),
                             ctypes.byref(err)) < 0:
            _raise(lib, err)
        out = ctypes.string_at(buf.ptr, buf.len) if buf.ptr else b""
    finally:
        lib.artconv_buf_dispose(ctypes.byref(buf))
    return out if lib.artconv_format_is_binary(fmt) else out.decode("utf-8")


def convert(data, from_, to, *, filename=None, meta=None, width=None, fragment=False,
            front_matter="auto", strict=False, no_extract=False, ignore_status=False,
            encoding=None):
    """Converts `data` (bytes, or str as UTF-8) from the format `from_` to
    `to`; returns str, or bytes for a binary format (EPUB).  `meta` sets
    fields after reading, as --meta does ({"title": "...", "authors": [...]});
    the other keywords are the command line's options of the same names."""
    if front_matter not in _FRONT_MATTER:
        raise ValueError("front_matter must be 'auto', 'always' or 'never'")
    lib = _load()
    article, callback, _name = _read(lib, data, from_, filename, strict, no_extract, meta,
                                     encoding)
    try:
        return _write(lib, article, to, width, fragment, front_matter, ignore_status, callback)
    finally:
        lib.artconv_article_free(article)


def read(data, from_, *, filename=None, meta=None, strict=False, no_extract=False,
         encoding=None):
    """Reads `data` into the article model and returns it as a dict, the
    JSON that `artconv convert -t json` writes (docs/json.md)."""
    return json.loads(convert(data, from_, "json", filename=filename, meta=meta, strict=strict,
                              no_extract=no_extract, ignore_status=True, encoding=encoding))


def formats():
    """The formats, as dicts: name, read, write, binary, media_type, description."""
    lib = _load()
    out = []
    for i in range(lib.artconv_format_count()):
        fmt = lib.artconv_format_at(i)
        out.append({"name": _text(lib.artconv_format_name(fmt)),
                    "read": bool(lib.artconv_format_can_read(fmt)),
                    "write": bool(lib.artconv_format_can_write(fmt)),
                    "binary": bool(lib.artconv_format_is_binary(fmt)),
                    "media_type": _text(lib.artconv_format_media_type(fmt)),
                    "description": _text(lib.artconv_format_description(fmt))})
    return out


def version():
    """The version of the loaded libartconv ("0.1.0")."""
    return _text(_load().artconv_version())


def library_versions():
    """The libraries under libartconv and their versions, as a dict."""
    lib = _load()
    buf = _Buf()
    try:
        if lib.artconv_library_versions(ctypes.byref(buf)) < 0:
            raise MemoryError("artconv: out of memory")
        text = ctypes.string_at(buf.ptr, buf.len).decode("utf-8") if buf.ptr else ""
    finally:
        lib.artconv_buf_dispose(ctypes.byref(buf))
    return dict(line.split(" ", 1) for line in text.splitlines() if " " in line)
