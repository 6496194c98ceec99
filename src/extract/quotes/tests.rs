use super::*;

fn paras(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for chunk in t.split("\n\n") {
        let lead = chunk.len() - chunk.trim_start().len();
        let s = pos + lead;
        let e = pos + chunk.trim_end().len();
        if e > s {
            out.push((s, e));
        }
        pos += chunk.len() + 2;
    }
    out
}

fn run(t: &str) -> Vec<Quote> {
    extract(t, &paras(t), &[])
}

#[test]
fn empty_input() {
    assert!(run("").is_empty());
}
