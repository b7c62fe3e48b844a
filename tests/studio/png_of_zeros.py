# png_of_zeros.py OUT.png WIDTH HEIGHT: a valid one-bit grey PNG, all black,
# made row by row so a huge picture is a small file (20000 x 20000 is about
# 200 KB, and 1.2 GB once a decoder sets aside its pixels).
import struct
import sys
import zlib

out, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)


row = b'\0' * (1 + (width + 7) // 8)  # filter byte, then the row's bits
z = zlib.compressobj(1)
pixels = b''.join(z.compress(row) for _ in range(height)) + z.flush()
with open(out, 'wb') as f:
    f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 1, 0, 0, 0, 0)) +
            chunk(b'IDAT', pixels) + chunk(b'IEND', b''))
