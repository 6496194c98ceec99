//! Prints the entity tagger's tags of a text file's words (the words tagged other than O), to
//! see what the model read before the resolution rules: `cargo run --release --example tags -- FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: tags FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let paras = gazette::extract::paragraphs::split(&text, 0);
    let Some(t) = gazette::extract::entities::tagger() else {
        eprintln!("the embedded entity model is missing");
        std::process::exit(1);
    };
    for (w, g) in t.debug_tags(&text, &paras) {
        if g != "O" {
            print!("{w}/{g} ");
        }
    }
    println!();
}
