#!/usr/bin/env python3
"""Mark a symbol-version requirement of an ELF64 shared library as weak.

Why: TorchSharp 0.107.0's libLibTorchSharp.so was linked with GCC 13 and so lists GLIBCXX_3.4.32 among
the versions it needs from libstdc++.so.6. Debian 12 ships GCC 12's libstdc++ (up to GLIBCXX_3.4.30),
so the dynamic loader refuses the library and TorchSharp reports a misleading "not restored" error.
The only symbol bound to that version is _ZSt21ios_base_library_initv, which GCC 13's <iostream>
references to force initialisation order and which is never called through the PLT. glibc's loader
only warns about a missing version whose Vernaux entry carries VER_FLG_WEAK (0x2), so setting that flag
lets the library load. It is safe only when no symbol of that version is actually called: this script
prints the symbols bound to the version so that the claim can be checked.

Usage: mark_version_need_weak.py LIBRARY [VERSION ...]   (default VERSION: GLIBCXX_3.4.32)
       mark_version_need_weak.py --list LIBRARY          (print every needed version and its flags)
Idempotent: a requirement already weak is left as it is. Exit code 0 when every named version is
weak afterwards (or not needed at all), 1 on a malformed file.
"""
import struct
import sys

SHT_DYNSYM = 11
SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_GNU_VERSYM = 0x6FFFFFFF
VER_FLG_WEAK = 0x2


def c_string(data, offset):
    end = data.index(b"\0", offset)
    return data[offset:end].decode("ascii", "replace")


def sections(data):
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a little-endian ELF64 file")
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    result = []
    for i in range(shnum):
        # sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info, sh_addralign, sh_entsize
        fields = struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
        result.append({"type": fields[1], "offset": fields[4], "size": fields[5], "link": fields[6], "entsize": fields[9]})
    return result


def version_needs(data, secs):
    """Yields (library, version name, flags, version index, byte offset of vna_flags) for each Vernaux."""
    for sec in secs:
        if sec["type"] != SHT_GNU_VERNEED:
            continue
        strtab = secs[sec["link"]]["offset"]
        need = sec["offset"]
        while True:
            _, count, file_name, aux_offset, next_need = struct.unpack_from("<HHIII", data, need)
            library = c_string(data, strtab + file_name)
            aux = need + aux_offset
            for _ in range(count):
                _, flags, other, name, next_aux = struct.unpack_from("<IHHII", data, aux)
                yield library, c_string(data, strtab + name), flags, other, aux + 4
                aux += next_aux
            if next_need == 0:
                break
            need += next_need


def symbols_with_version(data, secs, index):
    """Names of dynamic symbols whose .gnu.version entry is the given version index."""
    dynsym = next((s for s in secs if s["type"] == SHT_DYNSYM), None)
    versym = next((s for s in secs if s["type"] == SHT_GNU_VERSYM), None)
    if dynsym is None or versym is None:
        return []
    strtab = secs[dynsym["link"]]["offset"]
    names = []
    for i in range(dynsym["size"] // dynsym["entsize"]):
        (version,) = struct.unpack_from("<H", data, versym["offset"] + 2 * i)
        if version & 0x7FFF == index:
            (name,) = struct.unpack_from("<I", data, dynsym["offset"] + i * dynsym["entsize"])
            names.append(c_string(data, strtab + name))
    return names


def main(argv):
    if len(argv) >= 2 and argv[0] == "--list":
        data = open(argv[1], "rb").read()
        for library, version, flags, index, _ in version_needs(data, sections(data)):
            print(f"{library} {version} index={index} flags={flags:#x}{' (weak)' if flags & VER_FLG_WEAK else ''}")
        return 0
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    path, wanted = argv[0], (argv[1:] or ["GLIBCXX_3.4.32"])
    data = bytearray(open(path, "rb").read())
    secs = sections(data)
    changed = False
    for library, version, flags, index, flags_at in list(version_needs(data, secs)):
        if version not in wanted:
            continue
        users = ", ".join(symbols_with_version(data, secs, index)) or "none"
        if flags & VER_FLG_WEAK:
            print(f"{path}: {library} {version} already weak (symbols: {users})")
            continue
        struct.pack_into("<H", data, flags_at, flags | VER_FLG_WEAK)
        changed = True
        print(f"{path}: marked {library} {version} weak (symbols: {users})")
    if changed:
        with open(path, "wb") as out:
            out.write(data)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (ValueError, struct.error, IndexError) as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
