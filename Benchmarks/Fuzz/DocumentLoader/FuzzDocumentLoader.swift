import TenderXML

/// libFuzzer entry point: any bytes, read as an XML document of any kind. A refusal is a
/// correct answer; a crash, a hang or a leak is a bug. See Benchmarks/Fuzz/run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? DocumentLoader().load(bytes: bytes, file: "fuzz.xml")
    return 0
}

// SwiftPM links an executable target's entry point as `FuzzDocumentLoader_main`; libFuzzer's own main()
// is then unused, so start its driver from here.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzDocumentLoader_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzDocumentLoader(data, size) }
}
