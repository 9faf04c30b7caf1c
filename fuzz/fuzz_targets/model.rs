//! The model loader: arbitrary bytes → `Model::from_json` returns a model or an error,
//! never panics; a model it accepts classifies a short text without panicking.
#![no_main]

use chaff::{Classifier, Model};
use libfuzzer_sys::fuzz_target;

/// A short multilingual text with spam, boilerplate and a blank line.
const TEXT: &str = "Giá vàng hôm nay tăng mạnh trên thị trường trong nước.\n\n\
                    Soi kèo nhà cái uy tín, đăng ký nhận thưởng 200% tại kuwin88.vip\r\n\
                    Bình luận (0)\n博彩 足球 สล็อต https://x.vip/a";

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(model) = Model::from_json(json) else {
        return;
    };
    let classifier = Classifier::new(&model);
    let verdict = classifier.explain(TEXT).expect("a short text is within the limits");
    assert_eq!(verdict.lines().len(), TEXT.split('\n').count());
});
