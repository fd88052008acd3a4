using System;
using System.Buffers;
using System.Collections.Generic;

namespace CrmPS.Core
{
    /// <summary>
    /// An output buffer for Utf8JsonWriter that grows by adding chunks, each below the large object
    /// heap's threshold, instead of doubling (and copying) one array: a 1,000-row import batch is
    /// about 200 KB, which written to a MemoryStream cost several large arrays per batch.
    /// </summary>
    internal sealed class ChunkedBuffer : IBufferWriter<byte>
    {
        private const int ChunkSize = 64 * 1024;
        private readonly List<ArraySegment<byte>> _full = new List<ArraySegment<byte>>();
        private byte[] _current = new byte[ChunkSize];
        private int _used;
        private int _fullLength;

        public int Length => _fullLength + _used;

        public void Advance(int count)
        {
            if (count < 0 || _used + count > _current.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _used += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return new Memory<byte>(_current, _used, _current.Length - _used);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return new Span<byte>(_current, _used, _current.Length - _used);
        }

        /// <summary>Everything written, in one array of the exact length.</summary>
        public byte[] ToArray()
        {
            var result = new byte[Length];
            int at = 0;
            foreach (ArraySegment<byte> chunk in _full)
            {
                Buffer.BlockCopy(chunk.Array, chunk.Offset, result, at, chunk.Count);
                at += chunk.Count;
            }

            Buffer.BlockCopy(_current, 0, result, at, _used);
            return result;
        }

        private void Reserve(int sizeHint)
        {
            int needed = Math.Max(sizeHint, 1);
            if (_current.Length - _used >= needed)
            {
                return;
            }

            if (_used > 0)
            {
                _full.Add(new ArraySegment<byte>(_current, 0, _used));
                _fullLength += _used;
            }

            _current = new byte[Math.Max(ChunkSize, needed)];
            _used = 0;
        }
    }
}
